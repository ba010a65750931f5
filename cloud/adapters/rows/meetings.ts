import type { Role } from '@/domain/shared/roles'
import type { DisputeCounts, MeetingRecord, MeetingTaskRecord, OwnedTaskRecord, ResponsibleForRecord, ResponsibleRecord } from '../../meetings/ports'
import type { ReportArea } from '../../reports/ports'

/** Rows of meetings and their tasks as both engines return them (dates 'YYYY-MM-DD', times ISO strings). */

export interface MeetingRow {
  id: string
  report_id: string
  held_on: string
  place: string
  departments: string
  attendees: string
  decision: string
  outcome: MeetingRecord['outcome']
  recorded_by: string
  recorded_by_name: string
  recorded_by_roles: string | null
  recorded_at: string
}

export interface MeetingTaskRow {
  id: string
  meeting_id: string
  report_id: string
  owner_id: string
  owner_name: string
  owner_roles: string | null
  task: string
  due_on: string
  done_at: string | null
  done_note: string | null
}

export interface OwnedTaskRow extends MeetingTaskRow {
  category: OwnedTaskRecord['reportCategory']
  description: string
}

const rolesOf = (json: string | null) => (json ? (JSON.parse(json) as Role[]) : [])

export function meetingTaskRecord(t: MeetingTaskRow): MeetingTaskRecord {
  return {
    id: t.id,
    meetingId: t.meeting_id,
    reportId: t.report_id,
    ownerId: t.owner_id,
    ownerName: t.owner_name,
    ownerRoles: rolesOf(t.owner_roles),
    task: t.task,
    dueOn: t.due_on,
    doneAt: t.done_at,
    doneNote: t.done_note,
  }
}

export function ownedTaskRecord(t: OwnedTaskRow): OwnedTaskRecord {
  return { ...meetingTaskRecord(t), reportCategory: t.category, reportDescription: t.description }
}

/** The meetings with their tasks (tasks in meeting order, each meeting's in their position). */
export function meetingRecords(meetings: MeetingRow[], tasks: MeetingTaskRow[]): MeetingRecord[] {
  return meetings.map((m) => ({
    id: m.id,
    reportId: m.report_id,
    heldOn: m.held_on,
    place: m.place,
    departments: JSON.parse(m.departments) as string[],
    attendees: JSON.parse(m.attendees) as MeetingRecord['attendees'],
    decision: m.decision,
    outcome: m.outcome,
    recordedBy: m.recorded_by,
    recordedByName: m.recorded_by_name,
    recordedByRoles: rolesOf(m.recorded_by_roles),
    recordedAt: m.recorded_at,
    tasks: tasks.filter((t) => t.meeting_id === m.id).map(meetingTaskRecord),
  }))
}

export interface ResponsibleRow {
  report_id: string
  user_id: string
  name: string
  roles: string | null
  assigned_at: string
}

export function responsibleRecord(r: ResponsibleRow): ResponsibleRecord {
  return { reportId: r.report_id, userId: r.user_id, name: r.name, roles: rolesOf(r.roles), assignedAt: r.assigned_at }
}

export interface ResponsibleForRow {
  report_id: string
  category: ResponsibleForRecord['category']
  description: string
  status: ResponsibleForRecord['status']
  assigned_at: string
}

export function responsibleForRecord(r: ResponsibleForRow): ResponsibleForRecord {
  return { reportId: r.report_id, category: r.category, description: r.description, status: r.status, assignedAt: r.assigned_at }
}

/** The statuses in which a dispute is still someone's to answer for. */
export const OPEN_SQL = "('submitted', 'returned', 'accepted')"

/** The column and value a report area is read by (a community, or a street, district or city with all below it). */
export function areaColumn(area: ReportArea): { column: string; id: string } {
  if ('communityId' in area) return { column: 'community_id', id: area.communityId }
  if ('streetId' in area) return { column: 'street_id', id: area.streetId }
  if ('districtId' in area) return { column: 'district_id', id: area.districtId }
  return { column: 'city_id', id: area.cityId }
}

/** 问题总览's dispute figures in one statement; `?` placeholders: area id ×5, since, today (numbered for PostgreSQL by its adapter). */
export function disputeSummarySql(column: string): string {
  const inArea = `r.${column} = ?`
  return `SELECT
    (SELECT count(*) FROM reports r WHERE ${inArea} AND r.category = 'dispute' AND r.status IN ${OPEN_SQL}) AS open,
    (SELECT count(*) FROM reports r JOIN dispute_responsibles d ON d.report_id = r.id
      WHERE ${inArea} AND r.category = 'dispute' AND r.status IN ${OPEN_SQL}) AS with_responsible,
    (SELECT count(*) FROM meetings m JOIN reports r ON r.id = m.report_id WHERE ${inArea} AND m.recorded_at >= ?) AS meetings_since,
    (SELECT count(*) FROM meeting_tasks t JOIN reports r ON r.id = t.report_id WHERE ${inArea} AND t.done_at IS NULL) AS open_tasks,
    (SELECT count(*) FROM meeting_tasks t JOIN reports r ON r.id = t.report_id WHERE ${inArea} AND t.done_at IS NULL AND t.due_on < ?) AS overdue_tasks`
}

export interface DisputeSummaryRow {
  open: number
  with_responsible: number
  meetings_since: number
  open_tasks: number
  overdue_tasks: number
}

export function disputeCounts(r: DisputeSummaryRow): DisputeCounts {
  return {
    open: Number(r.open),
    withResponsible: Number(r.with_responsible),
    meetingsSince: Number(r.meetings_since),
    openTasks: Number(r.open_tasks),
    overdueTasks: Number(r.overdue_tasks),
  }
}
