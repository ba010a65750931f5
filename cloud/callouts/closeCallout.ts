import { AppError } from '@/domain/shared/errors'
import type { calloutCloseSchema, CalloutView } from '@/domain/callouts'
import { endWhenClosed } from '@/domain/callouts/rules'
import type { z } from 'zod'
import { sendOutbound } from '../shared/outbound'
import type { UserCtx } from './ports'
import { loadForCommittee } from './access'
import { closedMessages } from './messages'
import { calloutView } from './view'

/**
 * callout.close — the committee ends a call-out early (its end becomes now once it has started, so the hours stop
 * there); everyone who answered 能来 is told, in the same transaction. Closing a closed one answers it as it is.
 */
export async function closeCallout(input: z.output<typeof calloutCloseSchema>, ctx: UserCtx): Promise<CalloutView> {
  const { deps, user } = ctx
  const c = await loadForCommittee(deps, input.id, user)
  const now = deps.clock.now().toISOString()
  const outcome = await deps.store.callouts.close(c.id, input.reason, now, endWhenClosed(c, now), closedMessages(deps, now), {
    at: now,
    actorId: user.id,
    action: 'callout.close',
    targetType: 'callout',
    targetId: c.id,
    communityId: c.communityId,
  })
  switch (outcome.kind) {
    case 'closed':
      await sendOutbound(deps, outcome.messages)
      return calloutView(outcome.callout, null, true, now)
    case 'alreadyClosed':
      return calloutView((await deps.store.callouts.get(c.id))!, null, true, now)
    case 'ended':
      throw new AppError('CONFLICT', '动员已结束，不用再提前结束')
    case 'notFound':
      throw new AppError('NOT_FOUND', '动员不存在')
  }
}
