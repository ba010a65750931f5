import { AppError } from '@/domain/shared/errors'
import type { CheckoutResult, shiftIdSchema } from '@/domain/patrols'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { loadForVolunteer } from './access'
import { grantPoints } from '../points'

/**
 * shift.checkout — closes my attendance and gives the hours (counted within the scheduled times). After the
 * end it is the automatic close at the end; a second check-out returns the first. The hours earn 积分 (patrol_hours)
 * right after the check-out's commit, idempotently per (volunteer, shift): a retried check-out heals a lost grant.
 */
export async function checkOutOfShift(input: z.output<typeof shiftIdSchema>, ctx: UserCtx): Promise<CheckoutResult> {
  const { deps, user } = ctx
  const s = await loadForVolunteer(deps, input.id, user)
  const outcome = await deps.store.shifts.checkout(s.id, user.id, deps.clock.now().toISOString())
  if (outcome.kind === 'notCheckedIn') throw new AppError('CONFLICT', '您还没有签到，不能签退')
  const hours = outcome.signup.hours ?? 0
  if (hours > 0) await grantPoints(deps, { communityId: s.communityId, userId: user.id, kind: 'patrol_hours', sourceId: s.id, hours, detail: s.title })
  return { checkedOutAt: outcome.signup.checkoutAt!, hours: outcome.signup.hours ?? 0 }
}
