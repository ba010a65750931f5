import type { Pool } from 'pg'
import { checkinWindow } from '@/domain/shared/onSite'
import type { AnswerOutcome, CalloutCheckinOutcome, CalloutCreateOutcome, CalloutRecord, CalloutRepo, CloseOutcome, ExtendOutcome } from '../../callouts/ports'
import {
  answerGate,
  ATTENDANCE,
  attendanceRecord,
  CALLOUT_BY_ID,
  calloutRecord,
  checkinGate,
  listSql,
  OVERLAPPING_SHIFT,
  RECIPIENT,
  recipientRecord,
  SIGNED_UP,
  tasksSql,
  UNANSWERED,
  type CalloutRow,
  type RecipientRow,
  type TaskRow,
} from '../rows/callouts'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { writeMessage } from './messages'
import { inTransactionOr, numbered, Rollback, row, rows, type Queryable } from './tx'

async function load(db: Queryable, id: string): Promise<CalloutRecord | null> {
  const r = await row<CalloutRow>(db, numbered(CALLOUT_BY_ID), [id])
  return r ? calloutRecord(r, await rows<TaskRow>(db, numbered(tasksSql(1)), [id])) : null
}

type Locked = Pick<CalloutRow, 'status' | 'start_at' | 'end_at'>

/** The call-out's row, locked: FOR SHARE by answers and 报到 (many at once), FOR UPDATE by close and extend. */
const lockCallout = (db: Queryable, id: string, mode: 'SHARE' | 'UPDATE') =>
  row<Locked>(db, `SELECT status, start_at, end_at FROM callouts WHERE id = $1 FOR ${mode}`, [id])

const lockRecipient = (db: Queryable, calloutId: string, userId: string) => row<RecipientRow>(db, `${numbered(RECIPIENT)} FOR UPDATE`, [calloutId, userId])

const signedUpIds = async (db: Queryable, id: string) => (await rows<{ user_id: string }>(db, numbered(SIGNED_UP), [id])).map((r) => r.user_id)

/**
 * 社会动员 call-outs on PostgreSQL, as ../sqlite/callouts.ts, at READ COMMITTED. A seat is a conditional UPDATE
 * (taken < capacity): two answers racing for the last seat queue on the task's row and the second finds it full.
 * The answering person's row is locked FOR UPDATE (their own answers run one after another) and the call-out's FOR
 * SHARE (a close or extend waits for answers in flight, and they for it). The person's user row is locked first, as
 * shift.signup does: a 能来 and a patrol signup of one person cannot both pass their overlap checks. A change of task locks both tasks in id
 * order first, so two people swapping tasks cannot deadlock.
 */
export function calloutRepo(pool: Pool): CalloutRepo {
  return {
    async create(c, message, audit, key) {
      return inTransactionOr<CalloutCreateOutcome, CalloutCreateOutcome>(pool, async (db) => {
        const claim = await claimKey(db, key, { calloutId: c.id }, c.createdAt)
        if (claim.kind === 'keyReused') throw new Rollback({ kind: 'keyReused' })
        if (claim.kind === 'replayed') throw new Rollback({ kind: 'replayed', callout: (await load(pool, claim.result.calloutId))! })
        await db.query(
          `INSERT INTO callouts (id, community_id, title, kind, description, place, latitude, longitude, radius, start_at, end_at,
             to_volunteers, to_residents, grid_ids, recipients, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 0, $15, $16)`,
          [c.id, c.communityId, c.title, c.kind, c.description, c.place, c.latitude, c.longitude, c.radius, c.startAt, c.endAt,
            c.toVolunteers ? 1 : 0, c.toResidents ? 1 : 0, JSON.stringify(c.gridIds), c.createdBy, c.createdAt],
        )
        for (const [i, t] of c.tasks.entries()) {
          await db.query('INSERT INTO callout_tasks (id, callout_id, position, name, capacity) VALUES ($1, $2, $3, $4, $5)', [t.id, c.id, i, t.name, t.capacity])
        }
        const ids = (
          await rows<{ user_id: string }>(
            db,
            `INSERT INTO callout_recipients (callout_id, user_id)
             SELECT $1, u.id FROM users u
             WHERE u.community_id = $2 AND u.verified AND NOT u.roster_only AND u.grid_id = ANY($3::text[])
               AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND (($4 AND ur.role = 'volunteer') OR ($5 AND ur.role = 'resident')))
             RETURNING user_id`,
            [c.id, c.communityId, c.gridIds, c.toVolunteers, c.toResidents],
          )
        ).map((r) => r.user_id)
        await db.query('UPDATE callouts SET recipients = $1 WHERE id = $2', [ids.length, c.id])
        await db.query(
          `INSERT INTO messages (id, user_id, kind, title, body, target_type, target_id, created_at, read_at)
           SELECT $1 || '_' || r.user_id, r.user_id, 'shift', $2, $3, 'callout', r.callout_id, $4, NULL FROM callout_recipients r WHERE r.callout_id = $5`,
          [`m_${c.id}`, message.title, message.body, c.createdAt, c.id],
        )
        await writeAudit(db, { ...audit, detail: { ...audit.detail, recipients: ids.length } })
        return { kind: 'created', callout: (await load(db, c.id))!, recipientIds: ids }
      })
    },

    async get(id) {
      return load(pool, id)
    },

    async list(q) {
      const head = q.communityId ? (['community', q.communityId] as const) : (['recipient', q.recipientId!] as const)
      const a = q.after
      const params: unknown[] = [q.now, head[1], ...(a ? [a.rank, a.rank, a.startAt, a.startAt, a.seq] : []), q.limit]
      const found = await rows<CalloutRow>(pool, numbered(listSql(head[0], a !== null)), params)
      const tasks = found.length ? await rows<TaskRow>(pool, numbered(tasksSql(found.length)), found.map((r) => r.id)) : []
      return found.map((r) => ({ ...calloutRecord(r, tasks), rank: Number(r.rank) }))
    },

    async recipient(calloutId, userId) {
      const r = await row<RecipientRow>(pool, numbered(RECIPIENT), [calloutId, userId])
      return r ? recipientRecord(r) : null
    },

    async unanswered(calloutId, limit) {
      return (await rows<{ user_id: string; name: string }>(pool, numbered(UNANSWERED), [calloutId, limit])).map((r) => ({ userId: r.user_id, name: r.name }))
    },

    async answer(calloutId, userId, a, taskId, at) {
      return inTransactionOr<AnswerOutcome, AnswerOutcome>(pool, async (db) => {
        // the person's row first, as shift.signup locks it: an answer and a patrol signup of one person run one after
        // the other, so each one's overlap check sees the other's committed row
        await db.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId])
        const c = await lockCallout(db, calloutId, 'SHARE')
        const r = await lockRecipient(db, calloutId, userId)
        const gate = answerGate(c, r, at)
        if (gate.kind === 'refuse') throw new Rollback({ kind: gate.outcome })
        const old = r!.task_id
        if (a === 'yes') {
          if (!taskId || !(await row(db, 'SELECT 1 FROM callout_tasks WHERE id = $1 AND callout_id = $2', [taskId, calloutId]))) {
            throw new Rollback({ kind: 'noTask' })
          }
          const clash = await row<{ id: string; title: string; start_at: string }>(db, numbered(OVERLAPPING_SHIFT), [userId, c!.end_at, c!.start_at])
          if (clash) throw new Rollback({ kind: 'overlap', with: { id: clash.id, title: clash.title, startAt: clash.start_at } })
          if (old !== taskId) {
            if (old) await db.query('SELECT 1 FROM callout_tasks WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [[old, taskId]])
            const took = await db.query('UPDATE callout_tasks SET taken = taken + 1 WHERE id = $1 AND taken < capacity', [taskId])
            if (took.rowCount !== 1) throw new Rollback({ kind: 'full' })
            if (old) await db.query('UPDATE callout_tasks SET taken = taken - 1 WHERE id = $1 AND taken > 0', [old])
          }
        } else if (old) await db.query('UPDATE callout_tasks SET taken = taken - 1 WHERE id = $1 AND taken > 0', [old])
        await db.query('UPDATE callout_recipients SET answer = $1, task_id = $2, answered_at = $3 WHERE callout_id = $4 AND user_id = $5', [
          a,
          a === 'yes' ? taskId : null,
          at,
          calloutId,
          userId,
        ])
        return { kind: 'answered', recipient: recipientRecord((await row<RecipientRow>(db, numbered(RECIPIENT), [calloutId, userId]))!) }
      })
    },

    async checkin(calloutId, userId, fix) {
      return inTransactionOr<CalloutCheckinOutcome, CalloutCheckinOutcome>(pool, async (db) => {
        const c = await lockCallout(db, calloutId, 'SHARE')
        const r = await lockRecipient(db, calloutId, userId)
        const gate = checkinGate(c, r, c ? checkinWindow({ startAt: c.start_at, endAt: c.end_at }, fix.at) : 'open', fix.inside)
        if (gate === 'already') return { kind: 'already', recipient: recipientRecord(r!) }
        if (gate !== 'go') throw new Rollback({ kind: gate })
        await db.query(
          `UPDATE callout_recipients SET checkin_at = $1, checkin_lat = $2, checkin_lng = $3, checkin_accuracy = $4, checkin_coord = $5, checkin_distance = $6
           WHERE callout_id = $7 AND user_id = $8 AND answer = 'yes' AND checkin_at IS NULL`,
          [fix.at, fix.latitude, fix.longitude, fix.accuracy, fix.coordSystem, fix.distance, calloutId, userId],
        )
        return { kind: 'checkedIn', recipient: recipientRecord((await row<RecipientRow>(db, numbered(RECIPIENT), [calloutId, userId]))!) }
      })
    },

    async close(id, reason, at, endAt, compose, audit) {
      return inTransactionOr<CloseOutcome, CloseOutcome>(pool, async (db) => {
        const c = await lockCallout(db, id, 'UPDATE')
        if (!c) throw new Rollback({ kind: 'notFound' })
        if (c.status === 'closed') throw new Rollback({ kind: 'alreadyClosed' })
        if (at >= c.end_at) throw new Rollback({ kind: 'ended' })
        await db.query(`UPDATE callouts SET status = 'closed', closed_at = $1, close_reason = $2, end_at = $3 WHERE id = $4`, [at, reason, endAt, id])
        const callout = (await load(db, id))!
        const messages = compose(callout, await signedUpIds(db, id))
        for (const m of messages) await writeMessage(db, m)
        await writeAudit(db, audit)
        return { kind: 'closed', callout, messages }
      })
    },

    async extend(id, endAt, at, maxEndAt, compose, audit) {
      return inTransactionOr<ExtendOutcome, ExtendOutcome>(pool, async (db) => {
        const c = await lockCallout(db, id, 'UPDATE')
        if (!c) throw new Rollback({ kind: 'notFound' })
        if (c.status === 'closed') throw new Rollback({ kind: 'closed' })
        if (at >= c.end_at) throw new Rollback({ kind: 'ended' })
        if (endAt <= c.end_at) throw new Rollback({ kind: 'notLater' })
        if (endAt > maxEndAt) throw new Rollback({ kind: 'tooLong' })
        await db.query('UPDATE callouts SET end_at = $1 WHERE id = $2', [endAt, id])
        const callout = (await load(db, id))!
        const messages = compose(callout, await signedUpIds(db, id))
        for (const m of messages) await writeMessage(db, m)
        await writeAudit(db, audit)
        return { kind: 'extended', callout, messages }
      })
    },

    async attendance(userId) {
      return (await rows<Parameters<typeof attendanceRecord>[0]>(pool, numbered(ATTENDANCE), [userId])).map(attendanceRecord)
    },
  }
}
