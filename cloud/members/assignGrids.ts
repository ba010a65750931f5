import { AppError } from '@/domain/shared/errors'
import type { MemberAssignGridsInput, MemberView } from '@/domain/members'
import type { UserCtx } from './ports'
import { committeeCommunity } from '../residents'
import { memberViews } from './view'

export const NOT_VERIFIED = '请先完成住户认证，再指定为网格员'

/**
 * member.assignGrids — a committee member makes someone of their community the 网格员 of exactly these
 * grids ([] takes the role away). Roles and grids change in one transaction with an audit entry. The person
 * must be verified or already staff (网格员 / committee); otherwise CONFLICT.
 */
export async function assignGrids(input: MemberAssignGridsInput, ctx: UserCtx): Promise<MemberView> {
  const { deps, user } = ctx
  const community = await committeeCommunity(ctx, '只有本社区工作人员可以分配网格')
  const target = await deps.store.users.get(input.userId)
  if (!target) throw new AppError('NOT_FOUND', '此人不存在')
  if (target.communityId !== community.id) throw new AppError('FORBIDDEN', '只能给本社区的人员分配网格')
  const own = new Set(community.grids.map((g) => g.id))
  if (input.gridIds.some((g) => !own.has(g))) throw new AppError('FORBIDDEN', '只能分配本社区的网格')
  if (target.rosterOnly && input.gridIds.length > 0) {
    throw new AppError('CONFLICT', '代登记的住户不使用小程序，不能担任网格员')
  }
  // a 网格员 sees their residents' full names and phones: only someone verified (or already staff) may be one
  const staff = target.roles.includes('gridWorker') || target.roles.includes('committee')
  if (input.gridIds.length > 0 && !target.verified && !staff) throw new AppError('CONFLICT', NOT_VERIFIED)
  const at = deps.clock.now().toISOString()
  const { user: updated } = await deps.store.users.assignGrids(target.id, input.gridIds, {
    at,
    actorId: user.id,
    action: 'member.assignGrids',
    targetType: 'user',
    targetId: target.id,
    communityId: community.id,
  })
  const [view] = await memberViews(deps, [updated], user)
  return view!
}
