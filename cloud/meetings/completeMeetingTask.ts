import { AppError } from '@/domain/shared/errors'
import type { MeetingTaskView, meetingCompleteTaskSchema } from '@/domain/meetings'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { toTaskView } from './view'

/** meeting.completeTask — the owner marks their task done, once (a conditional UPDATE). */
export async function completeMeetingTask(input: z.output<typeof meetingCompleteTaskSchema>, ctx: UserCtx): Promise<MeetingTaskView> {
  const now = ctx.deps.clock.now()
  const outcome = await ctx.deps.store.meetings.completeTask(input.taskId, ctx.user.id, now.toISOString(), input.note ?? null)
  if (outcome.kind === 'notFound') throw new AppError('NOT_FOUND', '任务不存在，或不是交给您的')
  if (outcome.kind === 'alreadyDone') throw new AppError('CONFLICT', '这项任务已经完成')
  return toTaskView(outcome.task, now)
}
