import type { Pool } from 'pg'
import type { AssignResponsibleOutcome, CompleteTaskOutcome, MeetingRecordOutcome, MeetingRepo } from '../../meetings/ports'
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
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { writeMessage } from './messages'
import { rolesJson } from './reportRows'
import { inTransactionOr, numbered, Rollback, row, rows, type Queryable } from './tx'

const TASK = `SELECT t.id, t.meeting_id, t.report_id, t.owner_id, u.name AS owner_name, ${rolesJson('t.owner_id')} AS owner_roles,
  t.task, t.due_on, t.done_at, t.done_note FROM meeting_tasks t JOIN users u ON u.id = t.owner_id`

const responsibleOf = (db: Queryable, reportId: string) =>
  row<ResponsibleRow>(
    db,
    `SELECT d.report_id, d.user_id, u.name, ${rolesJson('d.user_id')} AS roles, d.assigned_at
     FROM dispute_responsibles d JOIN users u ON u.id = d.user_id WHERE d.report_id = $1`,
    [reportId],
  )

const taskById = (db: Queryable, id: string) => row<MeetingTaskRow>(db, `${TASK} WHERE t.id = $1`, [id])

/**
 * 联席会议 on PostgreSQL, as ../sqlite/meetings.ts, at READ COMMITTED: the request key is claimed first (a
 * concurrent retry waits for it, then replays); the report's version is bumped by a conditional UPDATE, which
 * also row-locks the report until commit, so a transition racing the meeting either ran before (the version
 * moved: conflict) or waits and finds the version moved itself.
 */
export function meetingRepo(pool: Pool): MeetingRepo {
  return {
    /** The version bump first: it row-locks the report, so two assignments of one dispute run one after the other. */
    async assignResponsible(r) {
      return inTransactionOr<AssignResponsibleOutcome, AssignResponsibleOutcome>(pool, async (c) => {
        const bumped = await c.query('UPDATE reports SET version = version + 1, updated_at = $1 WHERE id = $2 AND version = $3', [r.at, r.reportId, r.reportVersion])
        if (bumped.rowCount !== 1) throw new Rollback({ kind: 'conflict' })
        if ((await responsibleOf(c, r.reportId))?.user_id === r.userId) throw new Rollback({ kind: 'same' })
        await c.query(
          `INSERT INTO dispute_responsibles (report_id, user_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (report_id) DO UPDATE SET user_id = excluded.user_id, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`,
          [r.reportId, r.userId, r.assignedBy, r.at],
        )
        await c.query(
          `INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id)
           VALUES ($1, $2, $3, 'responsible', $4, $5, $6, $7)`,
          [r.reportId, r.at, r.assignedBy, r.event.note, r.event.status, r.event.level, r.userId],
        )
        for (const msg of r.messages) await writeMessage(c, msg)
        await writeAudit(c, r.audit)
        return { kind: 'done' }
      })
    },

    async responsibleOf(reportId) {
      const r = await responsibleOf(pool, reportId)
      return r ? responsibleRecord(r) : null
    },

    async responsibleFor(userId, limit) {
      const found = await rows<ResponsibleForRow>(
        pool,
        `SELECT d.report_id, r.category, r.description, r.status, d.assigned_at
         FROM dispute_responsibles d JOIN reports r ON r.id = d.report_id
         WHERE d.user_id = $1 AND r.status IN ${OPEN_SQL} ORDER BY d.assigned_at, d.report_id LIMIT $2`,
        [userId, limit],
      )
      return found.map(responsibleForRecord)
    },

    async summary(area, since, today) {
      const { column, id } = areaColumn(area)
      const r = await row<DisputeSummaryRow>(pool, numbered(disputeSummarySql(column)), [id, id, id, since, id, id, today])
      return disputeCounts(r!)
    },

    async record(m, key) {
      return inTransactionOr<MeetingRecordOutcome, MeetingRecordOutcome>(pool, async (c) => {
        const claim = await claimKey<{ meetingId: string }>(c, key, { meetingId: m.id }, m.recordedAt)
        if (claim.kind === 'keyReused') throw new Rollback({ kind: 'keyReused' })
        if (claim.kind === 'replayed') throw new Rollback({ kind: 'replayed', meetingId: claim.result.meetingId })
        const bumped = await c.query('UPDATE reports SET version = version + 1, updated_at = $1 WHERE id = $2 AND version = $3', [
          m.recordedAt,
          m.reportId,
          m.reportVersion,
        ])
        if (bumped.rowCount !== 1) throw new Rollback({ kind: 'conflict' })
        await c.query(
          `INSERT INTO meetings (id, report_id, held_on, place, departments, attendees, decision, outcome, recorded_by, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [m.id, m.reportId, m.heldOn, m.place, JSON.stringify(m.departments), JSON.stringify(m.attendees), m.decision, m.outcome, m.recordedBy, m.recordedAt],
        )
        for (const [i, t] of m.tasks.entries()) {
          await c.query(
            'INSERT INTO meeting_tasks (id, meeting_id, report_id, position, owner_id, task, due_on) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [t.id, m.id, m.reportId, i, t.ownerId, t.task, t.dueOn],
          )
        }
        await c.query(
          `INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id)
           VALUES ($1, $2, $3, 'meeting', $4, $5, $6, NULL)`,
          [m.reportId, m.recordedAt, m.recordedBy, m.event.note, m.event.status, m.event.level],
        )
        for (const msg of m.messages) await writeMessage(c, msg)
        await writeAudit(c, m.audit)
        return { kind: 'recorded', meetingId: m.id }
      })
    },

    async ofReport(reportId) {
      const meetings = await rows<MeetingRow>(
        pool,
        `SELECT m.id, m.report_id, m.held_on, m.place, m.departments, m.attendees, m.decision, m.outcome, m.recorded_by,
           u.name AS recorded_by_name, ${rolesJson('m.recorded_by')} AS recorded_by_roles, m.recorded_at
         FROM meetings m JOIN users u ON u.id = m.recorded_by WHERE m.report_id = $1 ORDER BY m.recorded_at, m.id`,
        [reportId],
      )
      const tasks = await rows<MeetingTaskRow>(pool, `${TASK} WHERE t.report_id = $1 ORDER BY t.meeting_id, t.position`, [reportId])
      return meetingRecords(meetings, tasks)
    },

    async openTasksOf(ownerId, limit) {
      const found = await rows<OwnedTaskRow>(
        pool,
        `SELECT x.*, r.category, r.description FROM (${TASK} WHERE t.owner_id = $1 AND t.done_at IS NULL) x
         JOIN reports r ON r.id = x.report_id ORDER BY x.due_on, x.id LIMIT $2`,
        [ownerId, limit],
      )
      return found.map(ownedTaskRecord)
    },

    async completeTask(taskId, ownerId, at, note): Promise<CompleteTaskOutcome> {
      const done = await pool.query('UPDATE meeting_tasks SET done_at = $1, done_note = $2 WHERE id = $3 AND owner_id = $4 AND done_at IS NULL', [
        at,
        note,
        taskId,
        ownerId,
      ])
      const t = await taskById(pool, taskId)
      if (done.rowCount === 1 && t) return { kind: 'done', task: meetingTaskRecord(t) }
      return t && t.owner_id === ownerId ? { kind: 'alreadyDone' } : { kind: 'notFound' }
    },
  }
}
