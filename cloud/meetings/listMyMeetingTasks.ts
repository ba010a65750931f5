import type { MyDispute, MyMeetingTask } from '@/domain/meetings'
import type { UserCtx } from './ports'
import { toMyDispute, toMyTask } from './view'

/** At most this many open tasks in one 待办 list (a person with more sees the earliest deadlines first). */
export const MY_TASKS_LIMIT = 50

/** meeting.tasks — the caller's follow-up tasks not done yet (earliest deadline first) and the open disputes they answer for (包保). */
export async function listMyMeetingTasks(_input: Record<string, never>, ctx: UserCtx): Promise<{ tasks: MyMeetingTask[]; disputes: MyDispute[] }> {
  const now = ctx.deps.clock.now()
  const [tasks, disputes] = await Promise.all([
    ctx.deps.store.meetings.openTasksOf(ctx.user.id, MY_TASKS_LIMIT),
    ctx.deps.store.meetings.responsibleFor(ctx.user.id, MY_TASKS_LIMIT),
  ])
  return { tasks: tasks.map((t) => toMyTask(t, now)), disputes: disputes.map(toMyDispute) }
}
