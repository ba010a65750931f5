import { AppError } from '@/domain/shared/errors'
import type { shiftIdSchema, SignupResult } from '@/domain/patrols'
import { chinaClock } from '@/domain/patrols/rules'
import type { z } from 'zod'
import type { SignupRecord, UserCtx } from './ports'
import { loadForVolunteer, NOT_FOUND_MESSAGE } from './access'

function resultOf(s: SignupRecord): SignupResult {
  return s.status === 'waitlisted' ? { status: 'waitlisted', position: s.position ?? 0 } : { status: 'confirmed' }
}

/**
 * shift.signup — a volunteer takes a seat, or a place on the waitlist when the shift is full. One store call
 * (one transaction): a second call returns the first signup; overlapping shifts and started, ended or
 * cancelled ones are refused.
 */
export async function signUpForShift(input: z.output<typeof shiftIdSchema>, ctx: UserCtx): Promise<SignupResult> {
  const { deps, user } = ctx
  const s = await loadForVolunteer(deps, input.id, user)
  const outcome = await deps.store.shifts.signup(s.id, user.id, deps.ids.newId(), deps.clock.now().toISOString())
  switch (outcome.kind) {
    case 'signedUp':
    case 'existing':
      return resultOf(outcome.signup)
    case 'notFound':
      throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
    case 'cancelled':
      throw new AppError('CONFLICT', '这个班次已取消，不能报名')
    case 'started':
      throw new AppError('CONFLICT', '巡逻已开始或已结束，不能报名')
    case 'overlap':
      throw new AppError('SHIFT_OVERLAP', `与您已报名的「${outcome.with.title}」（${chinaClock(outcome.with.startAt)}）时间重叠`, {
        shiftId: outcome.with.id,
      })
    case 'calloutOverlap':
      throw new AppError('SHIFT_OVERLAP', `与您已回复能来的动员「${outcome.with.title}」（${chinaClock(outcome.with.startAt)}）时间重叠`, {
        calloutId: outcome.with.id,
      })
  }
}
