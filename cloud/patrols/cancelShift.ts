import { AppError } from '@/domain/shared/errors'
import type { shiftCancelSchema, ShiftView } from '@/domain/patrols'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { sendOutbound } from '../shared/outbound'
import { isCommitteeOf, loadShift, NOT_FOUND_MESSAGE } from './access'
import { cancelMessages } from './messages'
import { shiftView } from './view'

/**
 * shift.cancel — the committee cancels a shift before it starts; everyone signed up (or waiting) is told why.
 * Cancelling a cancelled shift with the same reason (a retried request) answers the cancelled shift again.
 */
export async function cancelShift(input: z.output<typeof shiftCancelSchema>, ctx: UserCtx): Promise<ShiftView> {
  const { deps, user } = ctx
  const s = await loadShift(deps, input.id, user)
  if (!isCommitteeOf(user, s.communityId)) throw new AppError('FORBIDDEN', '只有本社区/村委会可以取消巡逻')
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.shifts.cancel(
    s.id,
    input.reason,
    at,
    cancelMessages(deps, at),
    { at, actorId: user.id, action: 'shift.cancel', targetType: 'shift', targetId: s.id, communityId: s.communityId, detail: { reason: input.reason } },
  )
  switch (outcome.kind) {
    case 'notFound':
      throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
    case 'started':
      throw new AppError('CONFLICT', '巡逻已开始，不能取消')
    case 'alreadyCancelled':
      // a retry after a lost reply (the committee of the shift, the same reason) gets the first answer
      if (outcome.shift.cancelReason !== input.reason) throw new AppError('CONFLICT', '这个班次已经取消了')
      return shiftView(outcome.shift, null, user, at)
    case 'cancelled':
      await sendOutbound(deps, outcome.messages)
      return shiftView(outcome.shift, null, user, at)
  }
}
