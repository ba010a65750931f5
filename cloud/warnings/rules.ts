import { AppError } from '@/domain/shared/errors'
import { DEFAULT_PARAMS, PARAM_BOUNDS, type WarningRulesInput, type WarningRulesView, type WarningSetRulesInput } from '@/domain/warnings'
import type { UserCtx } from './ports'
import { isCommitteeOf, scopeOf } from './access'

/** warning.rules — the community's warning parameters (the defaults until its committee sets them); staff read them. */
export async function viewRules(input: WarningRulesInput, ctx: UserCtx): Promise<WarningRulesView> {
  const { deps, user } = ctx
  const { communityId } = await scopeOf(deps, user, input.communityId)
  const params = await deps.store.warnings.params(communityId)
  return { communityId, params: params ?? DEFAULT_PARAMS, custom: params !== null, bounds: PARAM_BOUNDS, canEdit: isCommitteeOf(user, communityId) }
}

/** warning.setRules — the committee sets its community's parameters, each within the domain's bounds (audited). */
export async function setRules(input: WarningSetRulesInput, ctx: UserCtx): Promise<WarningRulesView> {
  const { deps, user } = ctx
  if (!user.communityId || !isCommitteeOf(user, user.communityId)) throw new AppError('FORBIDDEN', '只有社区/村委会可以设置预警规则')
  const at = deps.clock.now().toISOString()
  const params = { ...input }
  await deps.store.warnings.setParams(user.communityId, params, user.id, at, {
    at,
    actorId: user.id,
    action: 'warning.setRules',
    targetType: 'community',
    targetId: user.communityId,
    communityId: user.communityId,
    detail: { ...params },
  })
  return { communityId: user.communityId, params, custom: true, bounds: PARAM_BOUNDS, canEdit: true }
}
