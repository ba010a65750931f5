import { AppError } from '@/domain/shared/errors'
import type { PointsRedeemInput, RedemptionView } from '@/domain/points'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { communityOf } from './access'
import { redemptionView } from './view'

const NOT_FOUND = '奖品不存在或已下架'

/**
 * points.redeem — a person redeems a reward: one of its stock and its cost from the balance in ONE store transaction
 * (conditional updates), so two people racing for the last item, or one person spending the last points twice,
 * never oversell or overdraw. Idempotent per requestId.
 */
export async function redeemReward(input: PointsRedeemInput, ctx: UserCtx): Promise<{ redemption: RedemptionView; balance: number }> {
  const { deps, user } = ctx
  const communityId = communityOf(user)
  const at = deps.clock.now().toISOString()
  const out = await deps.store.points.redeem(
    { id: deps.ids.newId(), entryId: deps.ids.newId(), rewardId: input.rewardId, userId: user.id, communityId, at },
    idempotencyKey(ctx, 'points.redeem', input),
  )
  switch (out.kind) {
    case 'redeemed':
      return { redemption: redemptionView(out.redemption, true), balance: out.balance }
    case 'replayed': {
      const r = await deps.store.points.redemption(out.redemptionId)
      if (!r) throw new AppError('NOT_FOUND', NOT_FOUND)
      return { redemption: redemptionView(r, true), balance: await deps.store.points.balance(user.id) }
    }
    case 'keyReused':
      throw new AppError('CONFLICT', KEY_REUSED)
    case 'notFound':
      throw new AppError('NOT_FOUND', NOT_FOUND)
    case 'outOfStock':
      throw new AppError('CONFLICT', '这件奖品已经兑完了')
    case 'insufficient':
      throw new AppError('CONFLICT', `积分不足，当前积分 ${out.balance}`)
  }
}
