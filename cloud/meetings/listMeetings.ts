import { AppError } from '@/domain/shared/errors'
import type { MeetingView, meetingListSchema } from '@/domain/meetings'
import type { z } from 'zod'
import { visibleReport } from '../reports'
import type { UserCtx } from './ports'
import { toMeetingView } from './view'

/** meeting.list — a report's meetings with their minutes and tasks: staff only (the resident sees the timeline step). */
export async function listMeetings(input: z.output<typeof meetingListSchema>, ctx: UserCtx): Promise<{ meetings: MeetingView[] }> {
  const { report, access } = await visibleReport(input.reportId, ctx)
  if (!access.staff) throw new AppError('FORBIDDEN', '会议纪要仅工作人员可见')
  const now = ctx.deps.clock.now()
  const meetings = await ctx.deps.store.meetings.ofReport(report.id)
  return { meetings: meetings.map((m) => toMeetingView(m, access.people, now)) }
}
