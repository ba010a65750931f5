import { AppError } from '@/domain/shared/errors'
import type { CheckoutResult, shiftIdSchema } from '@/domain/patrols'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { loadForVolunteer } from './access'

/**
 * shift.checkout — closes my attendance and gives the hours (counted within the scheduled times). After the
 * end it is the automatic close at the end; a second check-out returns the first.
 */
export async function checkOutOfShift(input: z.output<typeof shiftIdSchema>, ctx: UserCtx): Promise<CheckoutResult> {
  const { deps, user } = ctx
  const s = await loadForVolunteer(deps, input.id, user)
  const outcome = await deps.store.shifts.checkout(s.id, user.id, deps.clock.now().toISOString())
  if (outcome.kind === 'notCheckedIn') throw new AppError('CONFLICT', '您还没有签到，不能签退')
  return { checkedOutAt: outcome.signup.checkoutAt!, hours: outcome.signup.hours ?? 0 }
}
