import { AppError } from '@/domain/shared/errors'
import type { RedemptionView } from '@/domain/points'
import type { UserCtx } from './ports'
import { committeeCommunity } from './access'
import { redemptionView } from './view'

const NOT_FOUND = '兑换记录不存在'

/** redemption.handOver — the committee marks a redemption 已领取 once the person has the reward; a second mark → CONFLICT. */
export async function handOverRedemption(input: { redemptionId: string }, ctx: UserCtx): Promise<RedemptionView> {
  const { deps, user } = ctx
  const communityId = committeeCommunity(user, '发放兑换奖品')
  const r = await deps.store.points.redemption(input.redemptionId)
  if (!r || r.communityId !== communityId) throw new AppError('NOT_FOUND', NOT_FOUND)
  const at = deps.clock.now().toISOString()
  const out = await deps.store.points.handOver(r.id, user.id, at, {
    at,
    actorId: user.id,
    action: 'redemption.handOver',
    targetType: 'redemption',
    targetId: r.id,
    communityId,
  })
  if (out.kind === 'notFound') throw new AppError('NOT_FOUND', NOT_FOUND)
  if (out.kind === 'already') throw new AppError('CONFLICT', '这份奖品已经发放过了')
  return redemptionView(out.redemption, true)
}
