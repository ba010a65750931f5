import { isTaskOverdue, type MeetingTaskView, type MeetingView, type MyDispute, type MyMeetingTask, type ResponsibleView } from '@/domain/meetings'
import { maskName } from '@/domain/shared/mask'
import { staffLabel, subjectOf } from '../reports'
import type { MeetingRecord, MeetingTaskRecord, OwnedTaskRecord, ResponsibleForRecord, ResponsibleRecord } from './ports'

export const who = (name: string, roles: Parameters<typeof staffLabel>[1]) => staffLabel(name, roles) ?? name

export function toTaskView(t: MeetingTaskRecord, now: Date): MeetingTaskView {
  return {
    id: t.id,
    meetingId: t.meetingId,
    reportId: t.reportId,
    task: t.task,
    owner: who(t.ownerName, t.ownerRoles),
    ownerId: t.ownerId,
    dueOn: t.dueOn,
    doneAt: t.doneAt,
    doneNote: t.doneNote,
    overdue: isTaskOverdue(t.dueOn, t.doneAt, now),
  }
}

/** The minutes, for staff; the attendees' names masked for staff who see the report's people masked. */
export function toMeetingView(m: MeetingRecord, seesPeople: boolean, now: Date): MeetingView {
  return {
    id: m.id,
    reportId: m.reportId,
    heldOn: m.heldOn,
    place: m.place,
    departments: m.departments,
    attendees: m.attendees.map((a) => ({ name: seesPeople ? a.name : maskName(a.name), role: a.role })),
    decision: m.decision,
    outcome: m.outcome,
    recordedBy: who(m.recordedByName, m.recordedByRoles),
    recordedAt: m.recordedAt,
    tasks: m.tasks.map((t) => toTaskView(t, now)),
  }
}

export function toMyTask(t: OwnedTaskRecord, now: Date): MyMeetingTask {
  return { ...toTaskView(t, now), subject: subjectOf({ category: t.reportCategory, description: t.reportDescription }) }
}

export function toResponsibleView(r: ResponsibleRecord): ResponsibleView {
  return { id: r.userId, label: who(r.name, r.roles), assignedAt: r.assignedAt }
}

export function toMyDispute(r: ResponsibleForRecord): MyDispute {
  return { reportId: r.reportId, subject: subjectOf({ category: r.category, description: r.description }), status: r.status, assignedAt: r.assignedAt }
}
