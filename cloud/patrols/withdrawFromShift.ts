import { AppError } from '@/domain/shared/errors'
import type { shiftIdSchema } from '@/domain/patrols'
import { chinaClock, withdrawCutoffAt } from '@/domain/patrols/rules'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { sendOutbound } from '../shared/outbound'
import { loadForVolunteer, NOT_FOUND_MESSAGE, NOT_SIGNED_UP } from './access'
import { promotionMessage } from './messages'

/**
 * shift.withdraw — until the cut-off (2 hours before the start). When the seat was a confirmed one, the first
 * on the waitlist takes it at once and is told (same transaction). Withdrawing twice is answered the same.
 */
export async function withdrawFromShift(input: z.output<typeof shiftIdSchema>, ctx: UserCtx): Promise<{ status: 'withdrawn' }> {
  const { deps, user } = ctx
  const s = await loadForVolunteer(deps, input.id, user)
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.shifts.withdraw(s.id, user.id, at, promotionMessage(deps, at))
  switch (outcome.kind) {
    case 'withdrawn':
      if (outcome.promoted) await sendOutbound(deps, [outcome.promoted])
      return { status: 'withdrawn' }
    case 'alreadyWithdrawn':
      return { status: 'withdrawn' }
    case 'notFound':
      throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
    case 'notSignedUp':
      throw new AppError('CONFLICT', NOT_SIGNED_UP)
    case 'cancelled':
      throw new AppError('CONFLICT', '这个班次已取消，无需退出')
    case 'cutoffPassed':
      throw new AppError('CUTOFF_PASSED', `已过退出截止时间（${chinaClock(withdrawCutoffAt(s))}，开始前 2 小时），如有急事请联系社区`, {
        cutoffAt: withdrawCutoffAt(s),
      })
  }
}
