import { AppError } from '@/domain/shared/errors'
import type { MeetingView, meetingListSchema, ResponsibleView } from '@/domain/meetings'
import type { z } from 'zod'
import { visibleReport } from '../reports'
import type { UserCtx } from './ports'
import { toMeetingView, toResponsibleView } from './view'

/**
 * meeting.list — a report's meetings with their minutes and tasks, and its 包保 responsible: staff only (the
 * resident sees the timeline steps).
 */
export async function listMeetings(input: z.output<typeof meetingListSchema>, ctx: UserCtx): Promise<{ meetings: MeetingView[]; responsible: ResponsibleView | null }> {
  const { report, access } = await visibleReport(input.reportId, ctx)
  if (!access.staff) throw new AppError('FORBIDDEN', '会议纪要仅工作人员可见')
  const now = ctx.deps.clock.now()
  const [meetings, responsible] = await Promise.all([ctx.deps.store.meetings.ofReport(report.id), ctx.deps.store.meetings.responsibleOf(report.id)])
  return { meetings: meetings.map((m) => toMeetingView(m, access.people, now)), responsible: responsible && toResponsibleView(responsible) }
}
