import { AppError } from '@/domain/shared/errors'
import { responsibleTimelineNote, type meetingAssignResponsibleSchema, type ResponsibleView } from '@/domain/meetings'
import { canAssignResponsible } from '@/domain/reports/flow'
import type { z } from 'zod'
import { accessOf, factsOf, messageTo, RACE_MESSAGE, visibleReport } from '../reports'
import { sendOutbound } from '../shared/outbound'
import type { UserCtx } from './ports'
import { toResponsibleView, who } from './view'

const NOT_STAFF = '包保责任人须是能处理这个纠纷的工作人员'

/**
 * meeting.assignResponsible — 包保责任制: whoever may hold a meeting on a dispute names the staff member answerable
 * for it until it is closed (again: replaces). Everyone sees the step on the timeline; the person is told.
 */
export async function assignResponsible(input: z.output<typeof meetingAssignResponsibleSchema>, ctx: UserCtx): Promise<ResponsibleView> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.reportId, ctx)
  const now = deps.clock.now()
  const d = canAssignResponsible(factsOf(report, now), access.rel)
  if (!d.ok) throw new AppError(d.code, d.message)
  const person = await deps.store.users.get(input.userId)
  if (!person || !accessOf(report, person).staff) throw new AppError('INVALID_INPUT', NOT_STAFF, [{ path: 'userId', message: NOT_STAFF }])
  const at = now.toISOString()
  const label = who(person.name, person.roles)
  const messages = person.id === user.id ? [] : [messageTo(deps, person.id, report, '您被指定为这个纠纷的包保责任人', '请跟进直至办结', at)]
  const outcome = await deps.store.meetings.assignResponsible({
    reportId: report.id,
    reportVersion: report.version,
    userId: person.id,
    assignedBy: user.id,
    at,
    event: { note: responsibleTimelineNote(label), status: report.status, level: report.level },
    messages,
    audit: { at, actorId: user.id, action: 'meeting.assignResponsible', targetType: 'report', targetId: report.id, communityId: report.communityId, detail: { userId: person.id } },
  })
  if (outcome.kind === 'same') throw new AppError('CONFLICT', `${label} 已是这个纠纷的包保责任人`)
  if (outcome.kind === 'conflict') throw new AppError('CONFLICT', RACE_MESSAGE)
  await sendOutbound(deps, messages)
  const now2 = await deps.store.meetings.responsibleOf(report.id)
  if (!now2) throw new Error(`responsible of ${report.id} vanished`)
  return toResponsibleView(now2)
}
