import type { FollowUpView, VisitClearFollowUpInput, visitMarkFollowUpSchema } from '@/domain/visits'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { loadHousehold, seesFullFor } from './access'
import { followUpView } from './view'

/**
 * visit.markFollowUp — the household's grid worker or the committee marks it for follow-up (独居老人, 困难家庭,
 * 重点关注) with a reason only staff see and its own visit frequency; a second mark replaces the first. Audited.
 */
export async function markFollowUp(input: z.output<typeof visitMarkFollowUpSchema>, ctx: UserCtx): Promise<FollowUpView> {
  const { deps, user } = ctx
  const h = await loadHousehold(deps, user, input.householdId, 'write')
  const at = deps.clock.now().toISOString()
  const saved = await deps.store.visits.markFollowUp(
    { householdId: h.id, communityId: h.communityId, gridId: h.gridId, kind: input.kind, reason: input.reason, everyDays: input.everyDays, markedBy: user.id, markedAt: at },
    { at, actorId: user.id, action: 'visit.markFollowUp', targetType: 'household', targetId: h.id, communityId: h.communityId, detail: { kind: input.kind, everyDays: input.everyDays } },
  )
  return followUpView(saved, at, seesFullFor(user))
}

/** visit.clearFollowUp — the mark removed (audited); clearing a household with none answers cleared: false. */
export async function clearFollowUp(input: VisitClearFollowUpInput, ctx: UserCtx): Promise<{ cleared: boolean }> {
  const { deps, user } = ctx
  const h = await loadHousehold(deps, user, input.householdId, 'write')
  const at = deps.clock.now().toISOString()
  const cleared = await deps.store.visits.clearFollowUp(h.id, {
    at,
    actorId: user.id,
    action: 'visit.clearFollowUp',
    targetType: 'household',
    targetId: h.id,
    communityId: h.communityId,
  })
  return { cleared }
}
