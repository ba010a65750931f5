import { AppError } from '@/domain/shared/errors'
import type { RewardCreateInput, RewardView } from '@/domain/points'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { assertCleanText } from '../shared/contentGuard'
import { committeeCommunity } from './access'
import { rewardView } from './view'

/** reward.create — the committee puts a reward in the 积分超市 (name, cost, stock); idempotent per requestId. */
export async function createReward(input: RewardCreateInput, ctx: UserCtx): Promise<RewardView> {
  const { deps, user } = ctx
  const communityId = committeeCommunity(user, '上架积分奖品')
  await assertCleanText(deps, [input.name, input.description ?? ''].filter(Boolean), user.id, 'notice')
  const at = deps.clock.now().toISOString()
  const id = deps.ids.newId()
  const out = await deps.store.points.createReward(
    { id, communityId, name: input.name, description: input.description ?? '', cost: input.cost, stock: input.stock, createdBy: user.id, createdAt: at },
    idempotencyKey(ctx, 'reward.create', input),
    { at, actorId: user.id, action: 'reward.create', targetType: 'reward', targetId: id, communityId },
  )
  if (out.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (out.kind === 'created') return rewardView(out.reward)
  const r = await deps.store.points.reward(out.rewardId)
  if (!r) throw new AppError('NOT_FOUND', '奖品不存在')
  return rewardView(r)
}
