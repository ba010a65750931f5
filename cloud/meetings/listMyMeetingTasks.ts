import type { MyMeetingTask } from '@/domain/meetings'
import type { UserCtx } from './ports'
import { toMyTask } from './view'

/** At most this many open tasks in one 待办 list (a person with more sees the earliest deadlines first). */
export const MY_TASKS_LIMIT = 50

/** meeting.tasks — the caller's follow-up tasks not done yet, earliest deadline first. */
export async function listMyMeetingTasks(_input: Record<string, never>, ctx: UserCtx): Promise<{ tasks: MyMeetingTask[] }> {
  const now = ctx.deps.clock.now()
  const tasks = await ctx.deps.store.meetings.openTasksOf(ctx.user.id, MY_TASKS_LIMIT)
  return { tasks: tasks.map((t) => toMyTask(t, now)) }
}
