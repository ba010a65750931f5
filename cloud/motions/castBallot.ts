import { AppError } from '@/domain/shared/errors'
import type { motionCastSchema } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { NOT_VOTING, visibleMotion, voterKeyOf } from './access'
import { castFor } from './cast'

/**
 * motion.cast — an eligible resident votes once (for a households motion: once for the household) → { receipt }:
 * the one their device made and sent (kept there before sending, so a lost reply loses nothing), else a new one.
 */
export async function castBallot(input: z.output<typeof motionCastSchema>, ctx: UserCtx): Promise<{ receipt: string }> {
  const { deps, user } = ctx
  const m = await visibleMotion(ctx, input.id)
  if (m.status !== 'voting') throw new AppError('CONFLICT', NOT_VOTING)
  const key = voterKeyOf(m, user)
  if (!key) {
    throw new AppError(
      'NOT_ELIGIBLE',
      !user.verified
        ? '认证为本社区居民后才能投票'
        : m.eligibility === 'households'
          ? '本次表决每户一票，您还没有绑定住户，不能投票'
          : '您还没有绑定花名册上的住户，不能投票',
    )
  }
  return castFor(deps, m, key, user.householdId, 'online', null, input.choice, input.receipt)
}
