import { AppError } from '@/domain/shared/errors'
import type { VisitSetPlanInput } from '@/domain/visits'
import type { UserCtx } from './ports'
import { isCommitteeOf } from './access'

/** visit.setPlan — the committee sets its community's visit period (1–12 months; a quarter until set). */
export async function setVisitPlan(input: VisitSetPlanInput, ctx: UserCtx): Promise<{ months: number }> {
  const { deps, user } = ctx
  if (!user.communityId || !isCommitteeOf(user, user.communityId)) throw new AppError('FORBIDDEN', '只有社区/村委会可以设置走访周期')
  const at = deps.clock.now().toISOString()
  const months = input.months
  await deps.store.visits.setPlan(user.communityId, months, user.id, at, {
    at,
    actorId: user.id,
    action: 'visit.setPlan',
    targetType: 'community',
    targetId: user.communityId,
    communityId: user.communityId,
    detail: { months },
  })
  return { months }
}
