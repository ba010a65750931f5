import { AppError } from '@/domain/shared/errors'
import type { motionRecordOfflineSchema } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { isCommitteeOf, NOT_VOTING, visibleMotion, voterKeyOf } from './access'
import { castFor } from './cast'

/**
 * motion.recordOffline — the committee records a ballot from a meeting for an eligible resident (roster-only
 * residents included) → { receipt } to hand over on paper: the one the committee's phone made and kept before
 * sending (a lost reply's retry, ALREADY_VOTED, is recovered there with motion.verifyReceipt), else a new one.
 * The voter row keeps who recorded it; the ballot, as every ballot, keeps only the receipt's hash and the choice.
 */
export async function recordOfflineBallot(input: z.output<typeof motionRecordOfflineSchema>, ctx: UserCtx): Promise<{ receipt: string }> {
  const { deps, user } = ctx
  const m = await visibleMotion(ctx, input.id)
  if (!isCommitteeOf(user, m.communityId)) throw new AppError('FORBIDDEN', '只有社区/村委会可以登记线下投票')
  if (m.status !== 'voting') throw new AppError('CONFLICT', NOT_VOTING)
  const resident = await deps.store.users.get(input.residentId)
  const key = resident ? voterKeyOf(m, resident) : null
  if (!resident || !key) {
    throw new AppError('NOT_ELIGIBLE', '该居民没有本次表决的投票资格（须为本社区已认证居民，并已绑定花名册上的住户）')
  }
  return castFor(deps, m, key, resident.householdId, 'offline', user.id, input.choice, input.receipt)
}
