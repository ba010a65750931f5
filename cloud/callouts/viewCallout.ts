import type { CalloutDetail, calloutIdSchema } from '@/domain/callouts'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { loadCallout } from './access'
import { calloutDetail, calloutView } from './view'

/** How many not-yet-answered names staff see at once. */
const UNANSWERED_SHOWN = 200

/**
 * callout.get — the call-out with its tasks' live headcount (signed up / checked in); staff also see who has not
 * answered; a recipient sees their own answer and task.
 */
export async function viewCallout(input: z.output<typeof calloutIdSchema>, ctx: UserCtx): Promise<CalloutDetail> {
  const { deps, user } = ctx
  const { callout, staff, recipient } = await loadCallout(deps, input.id, user)
  const now = deps.clock.now().toISOString()
  const committee = staff && user.roles.includes('committee')
  const view = calloutView(callout, recipient, committee, now)
  return calloutDetail(view, staff ? await deps.store.callouts.unanswered(callout.id, UNANSWERED_SHOWN) : null)
}
