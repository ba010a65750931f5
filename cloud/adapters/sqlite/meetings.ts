import type { AssignResponsibleOutcome, CompleteTaskOutcome, MeetingRecordOutcome, MeetingRepo, NewMeeting, NewResponsible } from '../../meetings/ports'
import type { IdempotencyKey } from '../../shared/ports'
import {
  areaColumn,
  disputeCounts,
  disputeSummarySql,
  meetingRecords,
  meetingTaskRecord,
  OPEN_SQL,
  ownedTaskRecord,
  responsibleForRecord,
  responsibleRecord,
  type MeetingRow,
  type MeetingTaskRow,
  type DisputeSummaryRow,
  type OwnedTaskRow,
  type ResponsibleForRow,
  type ResponsibleRow,
} from '../rows/meetings'
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import { messageWriter } from './messages'
import type { Db } from './open'

const ROLES = (col: string) => `(SELECT json_group_array(role) FROM user_roles ur WHERE ur.user_id = ${col})`
const TASK = `SELECT t.id, t.meeting_id, t.report_id, t.owner_id, u.name AS owner_name, ${ROLES('t.owner_id')} AS owner_roles,
  t.task, t.due_on, t.done_at, t.done_note FROM meeting_tasks t JOIN users u ON u.id = t.owner_id`

/** 联席会议 on SQLite: recording is one IMMEDIATE transaction, conditional on the report's version. */
export function meetingRepo(db: Db): MeetingRepo {
  const idem = idempotencyTable(db)
  const writeAudit = auditWriter(db)
  const writeMessage = messageWriter(db)
  const bumpReport = db.prepare('UPDATE reports SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?')
  const insertMeeting = db.prepare(`
    INSERT INTO meetings (id, report_id, held_on, place, departments, attendees, decision, outcome, recorded_by, recorded_at)
    VALUES (@id, @reportId, @heldOn, @place, @departments, @attendees, @decision, @outcome, @recordedBy, @recordedAt)`)
  const insertTask = db.prepare(
    'INSERT INTO meeting_tasks (id, meeting_id, report_id, position, owner_id, task, due_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertEvent = db.prepare(`
    INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const responsibleOf = db.prepare<[string], ResponsibleRow>(`
    SELECT d.report_id, d.user_id, u.name, ${ROLES('d.user_id')} AS roles, d.assigned_at
    FROM dispute_responsibles d JOIN users u ON u.id = d.user_id WHERE d.report_id = ?`)
  const upsertResponsible = db.prepare(`
    INSERT INTO dispute_responsibles (report_id, user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (report_id) DO UPDATE SET user_id = excluded.user_id, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`)
  const responsibleFor = db.prepare<[string, number], ResponsibleForRow>(`
    SELECT d.report_id, r.category, r.description, r.status, d.assigned_at
    FROM dispute_responsibles d JOIN reports r ON r.id = d.report_id
    WHERE d.user_id = ? AND r.status IN ${OPEN_SQL} ORDER BY d.assigned_at, d.report_id LIMIT ?`)
  const meetingsOf = db.prepare<[string], MeetingRow>(`
    SELECT m.id, m.report_id, m.held_on, m.place, m.departments, m.attendees, m.decision, m.outcome, m.recorded_by,
      u.name AS recorded_by_name, ${ROLES('m.recorded_by')} AS recorded_by_roles, m.recorded_at
    FROM meetings m JOIN users u ON u.id = m.recorded_by WHERE m.report_id = ? ORDER BY m.recorded_at, m.id`)
  const tasksOf = db.prepare<[string], MeetingTaskRow>(`${TASK} WHERE t.report_id = ? ORDER BY t.meeting_id, t.position`)
  const openOf = db.prepare<[string, number], OwnedTaskRow>(`
    SELECT x.*, r.category, r.description FROM (${TASK} WHERE t.owner_id = ? AND t.done_at IS NULL) x
    JOIN reports r ON r.id = x.report_id ORDER BY x.due_on, x.id LIMIT ?`)
  const taskById = db.prepare<[string], MeetingTaskRow>(`${TASK} WHERE t.id = ?`)
  const markDone = db.prepare('UPDATE meeting_tasks SET done_at = ?, done_note = ? WHERE id = ? AND owner_id = ? AND done_at IS NULL')

  const record = db.transaction((m: NewMeeting, key: IdempotencyKey | null): MeetingRecordOutcome => {
    const prior = idem.lookup<{ meetingId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', meetingId: prior.result.meetingId }
    if (bumpReport.run(m.recordedAt, m.reportId, m.reportVersion).changes !== 1) return { kind: 'conflict' }
    insertMeeting.run({ ...m, departments: JSON.stringify(m.departments), attendees: JSON.stringify(m.attendees) })
    m.tasks.forEach((t, i) => insertTask.run(t.id, m.id, m.reportId, i, t.ownerId, t.task, t.dueOn))
    insertEvent.run(m.reportId, m.recordedAt, m.recordedBy, 'meeting', m.event.note, m.event.status, m.event.level, null)
    for (const msg of m.messages) writeMessage(msg)
    writeAudit(m.audit)
    idem.store(key, { meetingId: m.id }, m.recordedAt)
    return { kind: 'recorded', meetingId: m.id }
  })

  const complete = db.transaction((taskId: string, ownerId: string, at: string, note: string | null): CompleteTaskOutcome => {
    if (markDone.run(at, note, taskId, ownerId).changes === 1) return { kind: 'done', task: meetingTaskRecord(taskById.get(taskId)!) }
    const t = taskById.get(taskId)
    return t && t.owner_id === ownerId ? { kind: 'alreadyDone' } : { kind: 'notFound' }
  })

  const assign = db.transaction((r: NewResponsible): AssignResponsibleOutcome => {
    if (responsibleOf.get(r.reportId)?.user_id === r.userId) return { kind: 'same' }
    if (bumpReport.run(r.at, r.reportId, r.reportVersion).changes !== 1) return { kind: 'conflict' }
    upsertResponsible.run(r.reportId, r.userId, r.assignedBy, r.at)
    insertEvent.run(r.reportId, r.at, r.assignedBy, 'responsible', r.event.note, r.event.status, r.event.level, r.userId)
    for (const msg of r.messages) writeMessage(msg)
    writeAudit(r.audit)
    return { kind: 'done' }
  })

  return {
    async assignResponsible(r) {
      return assign.immediate(r)
    },
    async responsibleOf(reportId) {
      const r = responsibleOf.get(reportId)
      return r ? responsibleRecord(r) : null
    },
    async responsibleFor(userId, limit) {
      return responsibleFor.all(userId, limit).map(responsibleForRecord)
    },
    async summary(area, since, today) {
      const { column, id } = areaColumn(area)
      const r = db.prepare<unknown[], DisputeSummaryRow>(disputeSummarySql(column)).get(id, id, id, since, id, id, today)!
      return disputeCounts(r)
    },
    async record(m, key) {
      return record.immediate(m, key)
    },
    async ofReport(reportId) {
      return meetingRecords(meetingsOf.all(reportId), tasksOf.all(reportId))
    },
    async openTasksOf(ownerId, limit) {
      return openOf.all(ownerId, limit).map(ownedTaskRecord)
    },
    async completeTask(taskId, ownerId, at, note) {
      return complete.immediate(taskId, ownerId, at, note)
    },
  }
}
