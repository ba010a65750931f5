import type { PointsRulesView, PointsSetRulesInput } from '@/domain/points'
import type { UserCtx } from './ports'
import { committeeCommunity } from './access'
import { rulesView } from './viewRules'

/** points.setRules — the committee sets the points per source (each within the bounds the schema holds). */
export async function setRules(input: Required<PointsSetRulesInput>, ctx: UserCtx): Promise<PointsRulesView> {
  const { deps, user } = ctx
  const communityId = committeeCommunity(user, '设置积分规则')
  const at = deps.clock.now().toISOString()
  await deps.store.points.setRules(communityId, input, user.id, at, {
    at,
    actorId: user.id,
    action: 'points.setRules',
    targetType: 'community',
    targetId: communityId,
    communityId,
    detail: { ...input },
  })
  return rulesView(deps, communityId)
}
