import type { RewardView } from '@/domain/points'
import type { UserCtx } from './ports'
import { communityOf } from './access'
import { rewardView } from './view'

/** reward.list — the community's rewards with the stock left, newest first. */
export async function listRewards(_input: unknown, ctx: UserCtx): Promise<{ items: RewardView[] }> {
  const rewards = await ctx.deps.store.points.rewards(communityOf(ctx.user))
  return { items: rewards.map(rewardView) }
}
