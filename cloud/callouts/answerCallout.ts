import { AppError } from '@/domain/shared/errors'
import type { CalloutAnswerResult, calloutAnswerSchema } from '@/domain/callouts'
import { chinaClock } from '@/domain/shared/chinaTime'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { loadCallout, NOT_FOUND_MESSAGE } from './access'

/**
 * callout.answer — a person the call-out was sent to answers 能来 (with a task) or 来不了, and may change it while
 * the call-out is open and they have not checked in. One store call: the seat is taken atomically (two people
 * racing for the last one: one gets it, the other FULL), and 能来 is refused when it overlaps a patrol shift the
 * person signed up for.
 */
export async function answerCallout(input: z.output<typeof calloutAnswerSchema>, ctx: UserCtx): Promise<CalloutAnswerResult> {
  const { deps, user } = ctx
  const { callout, recipient } = await loadCallout(deps, input.id, user)
  if (!recipient) throw new AppError('FORBIDDEN', '这次动员没有发给您，不能回复')
  const outcome = await deps.store.callouts.answer(callout.id, user.id, input.answer, input.taskId ?? null, deps.clock.now().toISOString())
  switch (outcome.kind) {
    case 'answered':
      return { answer: outcome.recipient.answer!, taskId: outcome.recipient.taskId }
    case 'notAddressed':
      throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
    case 'closed':
      throw new AppError('CONFLICT', '动员已提前结束，不能再回复')
    case 'ended':
      throw new AppError('CONFLICT', '动员已结束，不能再回复')
    case 'checkedIn':
      throw new AppError('CONFLICT', '您已报到，不能再更改回复')
    case 'noTask':
      throw new AppError('INVALID_INPUT', '没有这项任务', [{ path: 'taskId', message: '没有这项任务' }])
    case 'full':
      throw new AppError('FULL', '这项任务的名额已满，请选择其他任务')
    case 'overlap':
      throw new AppError('SHIFT_OVERLAP', `与您已报名的巡逻「${outcome.with.title}」（${chinaClock(outcome.with.startAt)}）时间重叠`, {
        shiftId: outcome.with.id,
      })
  }
}
