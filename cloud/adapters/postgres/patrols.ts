import type { Pool } from 'pg'
import { beforeCutoff, CHECKIN_OPENS_BEFORE_MS, checkinWindow, servedHours } from '@/domain/patrols/rules'
import type {
  CancelOutcome,
  CheckinOutcome,
  CheckoutOutcome,
  CreateOutcome,
  LogOutcome,
  LogResult,
  ShiftRecord,
  ShiftRepo,
  SignupOutcome,
  WithdrawOutcome,
} from '../../patrols/ports'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { writeMessage } from './messages'
import { shiftQueries } from './patrolQueries'
import { createReport } from './reportWrites'
import { SEATED } from '../rows/patrols'
import { OVERLAPPING_CALLOUT } from '../rows/callouts'
import { readActiveSignup, readShift } from './patrolRows'
import { inTransaction, inTransactionOr, numbered, Rollback, row, rows, type Queryable } from './tx'

/**
 * The patrol store on PostgreSQL, method by method as ../sqlite/patrols.ts, at READ COMMITTED.
 *
 * The seat rule (issue 13: "count seats, then insert" seats too many under plain READ COMMITTED): signup and
 * withdraw first lock the shift row (`SELECT … FOR NO KEY UPDATE`), then read, count and write in new statements.
 * Every seat change of one shift queues on that lock, and each statement after it takes a new snapshot that sees
 * the previous holder's committed rows, so the count is exact. A lock rather than one conditional INSERT … SELECT
 * (count < capacity): the lock also serialises the identity `seq` that gives arrival order (drawn inside the lock,
 * committed before the next holder draws), the existing/overlap/cancelled checks, and withdraw's promotion of the
 * earliest waiting against a concurrent signup; a conditional insert alone would still race on those. FOR NO KEY
 * UPDATE, not FOR UPDATE: it does not block the foreign-key checks (FOR KEY SHARE) of other rows that refer to
 * the shift. Signup locks the volunteer's user row before the shift (always that order; withdraw, cancel and
 * settle lock shifts only), so one person's signups to two overlapping shifts cannot both pass the overlap check.
 */
export function postgresShiftRepo(pool: Pool): ShiftRepo {
  const opensBeforeMs = CHECKIN_OPENS_BEFORE_MS

  /** The shift row locked for its seat changes; false when there is no such shift. */
  const lockShift = async (db: Queryable, id: string) => (await row(db, 'SELECT 1 FROM shifts WHERE id = $1 FOR NO KEY UPDATE', [id])) !== null

  const checkoutRow = (db: Queryable, out: string, auto: boolean, tenths: number, id: string) =>
    db.query(
      `UPDATE shift_signups SET status = 'checkedOut', checkout_at = $1, auto_checkout = $2, hours_tenths = $3
       WHERE id = $4 AND status = 'checkedIn'`,
      [out, auto, tenths, id],
    )

  const priorOf = async (db: Queryable, key: { userId: string; action: string; requestId: string; fingerprint: string }) => {
    const prior = await row<{ fingerprint: string; result: string }>(
      db,
      'SELECT fingerprint, result FROM idempotency WHERE user_id = $1 AND action = $2 AND request_id = $3',
      [key.userId, key.action, key.requestId],
    )
    return prior
  }

  return {
    ...shiftQueries(pool),

    /**
     * One transaction, the request key claimed FIRST (claimKey: a concurrent retry waits for this one's key, then
     * replays its shifts or answers keyReused, having written nothing).
     */
    async create(shifts, audit, key) {
      return inTransactionOr<CreateOutcome, CreateOutcome>(pool, async (c) => {
        const claim = await claimKey<{ ids: string[] }>(c, key, { ids: shifts.map((s) => s.id) }, audit.at)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        const load = async (ids: string[]) => {
          const out: ShiftRecord[] = []
          for (const id of ids) {
            const s = await readShift(c, id)
            if (!s) throw new Error(`shift.create: shift ${id} not found`)
            out.push(s)
          }
          return out
        }
        if (claim.kind === 'replayed') return { kind: 'replayed', shifts: await load(claim.result.ids) }
        for (const s of shifts) {
          await c.query(
            `INSERT INTO shifts (id, community_id, series_id, title, latitude, longitude, radius, meeting_point, note, start_at, end_at,
               capacity, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
            [s.id, s.communityId, s.seriesId, s.title, s.latitude, s.longitude, s.radius, s.meetingPoint, s.note, s.startAt, s.endAt,
              s.capacity, s.createdBy, s.createdAt],
          )
        }
        await writeAudit(c, audit)
        return { kind: 'created', shifts: await load(shifts.map((s) => s.id)) }
      })
    },

    /** One transaction: the user row, then the shift row locked (see above), then sqlite's steps in its order. */
    async signup(shiftId, userId, id, at) {
      return inTransaction<SignupOutcome>(pool, async (c) => {
        await c.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId])
        const exists = await lockShift(c, shiftId)
        const existing = await readActiveSignup(c, shiftId, userId)
        if (existing) return { kind: 'existing', signup: existing }
        const s = exists ? await readShift(c, shiftId) : null
        if (!s) return { kind: 'notFound' }
        if (s.status === 'cancelled') return { kind: 'cancelled' }
        if (at >= s.startAt) return { kind: 'started' }
        const clash = await row<{ id: string; title: string; start_at: string }>(
          c,
          `SELECT s.id, s.title, s.start_at FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
           WHERE su.user_id = $1 AND su.status <> 'withdrawn' AND s.status = 'scheduled' AND s.id <> $2
             AND s.start_at < $3::timestamptz AND $4::timestamptz < s.end_at
           ORDER BY s.start_at LIMIT 1`,
          [userId, shiftId, s.endAt, s.startAt],
        )
        if (clash) return { kind: 'overlap', with: { id: clash.id, title: clash.title, startAt: clash.start_at } }
        const callout = await row<{ id: string; title: string; start_at: string }>(c, numbered(OVERLAPPING_CALLOUT), [userId, s.endAt, s.startAt])
        if (callout) return { kind: 'calloutOverlap', with: { id: callout.id, title: callout.title, startAt: callout.start_at } }
        const seated = await row<{ n: number }>(c, `SELECT count(*) AS n FROM shift_signups WHERE shift_id = $1 AND status IN ${SEATED}`, [shiftId])
        const confirmed = (seated?.n ?? 0) < s.capacity
        await c.query(
          'INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [id, shiftId, userId, confirmed ? 'confirmed' : 'waitlisted', at, confirmed ? at : null],
        )
        const made = await readActiveSignup(c, shiftId, userId)
        if (!made) throw new Error(`shift.signup: signup ${id} not found after insert`)
        return { kind: 'signedUp', signup: made }
      })
    },

    /**
     * One transaction under the shift's lock: the cut-off, the signup withdrawn and, when it held a seat, the
     * earliest waitlisted confirmed and its message written. Concurrent withdraws and signups of the shift queue
     * on the lock, so a seat freed is given once, to the first in line.
     */
    async withdraw(shiftId, userId, at, compose) {
      return inTransaction<WithdrawOutcome>(pool, async (c) => {
        if (!(await lockShift(c, shiftId))) return { kind: 'notFound' }
        const s = await readShift(c, shiftId)
        if (!s) return { kind: 'notFound' }
        const mine = await readActiveSignup(c, shiftId, userId)
        if (!mine) {
          const gone = await row(c, `SELECT 1 FROM shift_signups WHERE shift_id = $1 AND user_id = $2 AND status = 'withdrawn' LIMIT 1`, [shiftId, userId])
          return gone ? { kind: 'alreadyWithdrawn' } : { kind: 'notSignedUp' }
        }
        if (s.status === 'cancelled') return { kind: 'cancelled' }
        if (!beforeCutoff(s, at) || (mine.status !== 'confirmed' && mine.status !== 'waitlisted')) return { kind: 'cutoffPassed' }
        await c.query(`UPDATE shift_signups SET status = 'withdrawn', withdrawn_at = $1 WHERE id = $2 AND status IN ('confirmed', 'waitlisted')`, [at, mine.id])
        if (mine.status !== 'confirmed') return { kind: 'withdrawn', promoted: null }
        const next = await row<{ id: string; user_id: string }>(
          c,
          `SELECT id, user_id FROM shift_signups WHERE shift_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT 1`,
          [shiftId],
        )
        if (!next) return { kind: 'withdrawn', promoted: null }
        await c.query(`UPDATE shift_signups SET status = 'confirmed', confirmed_at = $1 WHERE id = $2 AND status = 'waitlisted'`, [at, next.id])
        const message = compose(s, next.user_id)
        await writeMessage(c, message)
        return { kind: 'withdrawn', promoted: message }
      })
    },

    /**
     * One transaction under the shift's lock: a concurrent cancel waits and then finds it cancelled; a signup or
     * withdraw in flight finishes first, so the messages go to exactly the signups standing at the cancel.
     */
    async cancel(id, reason, at, compose, audit) {
      return inTransaction<CancelOutcome>(pool, async (c) => {
        if (!(await lockShift(c, id))) return { kind: 'notFound' }
        const s = await readShift(c, id)
        if (!s) return { kind: 'notFound' }
        if (s.status === 'cancelled') return { kind: 'alreadyCancelled', shift: s }
        const done = await row(
          c,
          `UPDATE shifts SET status = 'cancelled', cancel_reason = $1, cancelled_at = $2
           WHERE id = $3 AND status = 'scheduled' AND start_at > $2::timestamptz RETURNING 1`,
          [reason, at, id],
        )
        if (!done) return { kind: 'started' }
        const after = await readShift(c, id)
        if (!after) throw new Error(`shift.cancel: shift ${id} not found after update`)
        const told = await rows<{ user_id: string }>(
          c,
          `SELECT user_id FROM shift_signups WHERE shift_id = $1 AND status IN ('confirmed', 'waitlisted') ORDER BY seq`,
          [id],
        )
        const messages = compose(after, told.map((r) => r.user_id))
        for (const m of messages) await writeMessage(c, m)
        await writeAudit(c, audit)
        return { kind: 'cancelled', shift: after, messages }
      })
    },

    /**
     * One conditional UPDATE (confirmed → checkedIn, the shift scheduled and the time in its window): a concurrent
     * check-in waits on the signup row, re-checks `status = 'confirmed'` on the committed row and writes nothing;
     * then, in the same transaction, why nothing was written.
     */
    async checkin(shiftId, userId, fix) {
      return inTransaction<CheckinOutcome>(pool, async (c) => {
        const { at, latitude, longitude, accuracy, coordSystem, distance } = fix
        const changed = await c.query(
          `UPDATE shift_signups SET status = 'checkedIn', checkin_at = $3, checkin_lat = $4, checkin_lng = $5,
             checkin_accuracy = $6, checkin_coord = $7, checkin_distance = $8
           WHERE shift_id = $1 AND user_id = $2 AND status = 'confirmed' AND $9::boolean
             AND EXISTS (SELECT 1 FROM shifts WHERE id = $1 AND status = 'scheduled'
               AND $3::timestamptz >= start_at - $10::integer * interval '1 millisecond' AND $3::timestamptz <= end_at)`,
          [shiftId, userId, at, latitude, longitude, accuracy, coordSystem, distance, fix.inside, opensBeforeMs],
        )
        const mine = await readActiveSignup(c, shiftId, userId)
        if (changed.rowCount === 1 && mine) return { kind: 'checkedIn', signup: mine }
        // nothing written: why, in the order a person needs to hear it
        if (mine && mine.checkinAt) return { kind: 'already', signup: mine }
        const s = await readShift(c, shiftId)
        if (!s || s.status === 'cancelled') return { kind: 'cancelled' }
        if (!mine || mine.status === 'waitlisted') return { kind: 'notConfirmed', signup: mine }
        const window = checkinWindow(s, at)
        if (window !== 'open') return { kind: window }
        return mine.status === 'confirmed' ? { kind: 'outside' } : { kind: 'notConfirmed', signup: mine }
      })
    },

    /**
     * One transaction with the signup row locked first: concurrent check-outs queue on it and the later ones read
     * it checked out (`already`, the first one's record).
     */
    async checkout(shiftId, userId, at) {
      return inTransaction<CheckoutOutcome>(pool, async (c) => {
        await c.query(`SELECT 1 FROM shift_signups WHERE shift_id = $1 AND user_id = $2 AND status <> 'withdrawn' FOR NO KEY UPDATE`, [shiftId, userId])
        const mine = await readActiveSignup(c, shiftId, userId)
        if (mine?.status === 'checkedOut') return { kind: 'already', signup: mine }
        if (!mine || mine.status !== 'checkedIn') return { kind: 'notCheckedIn', signup: mine }
        const s = await readShift(c, shiftId)
        if (!s) throw new Error(`shift.checkout: shift ${shiftId} not found`)
        const auto = at >= s.endAt
        const out = auto ? s.endAt : at
        await checkoutRow(c, out, auto, Math.round(servedHours(s, mine.checkinAt!, out) * 10), mine.id)
        const after = await readActiveSignup(c, shiftId, userId)
        if (!after) throw new Error(`shift.checkout: signup ${mine.id} not found after update`)
        return { kind: 'checkedOut', signup: after }
      })
    },

    /**
     * One transaction, as ../sqlite/patrols.ts: the log's retry key claimed FIRST (a concurrent retry waits for
     * this one, then replays its result or answers keyReused), then the 发现隐患 report made with report.create's
     * own steps (createReport: its key, photos, event and messages), then the log. The signup row is locked (FOR NO
     * KEY UPDATE, as checkout locks it) before the log's INSERT … SELECT checks it is checked in, so a check-out
     * committing in between cannot be missed. The log is inserted ON CONFLICT (report_id) DO NOTHING: a report
     * already logged (its key replayed) answers that log. A refusal, keyReused or badPhotos rolls everything back,
     * the report and both claimed keys included.
     */
    async addLog(entry, key, report) {
      return inTransactionOr<LogOutcome, LogOutcome>(pool, async (c) => {
        const claim = await claimKey<LogResult>(c, key, { logId: entry.id, reportId: entry.reportId }, entry.at)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') return { kind: 'replayed', ...claim.result }
        let log = entry
        let newReport = false
        if (report) {
          const made = await createReport(c, report.report, report.photoIds, report.messages, report.key)
          log = { ...entry, reportId: made.report.id }
          newReport = made.kind === 'created'
        }
        const logged = async (logId: string): Promise<LogOutcome> => {
          const result: LogResult = { logId, reportId: log.reportId }
          // the claim's result, made final before the commit (until then no other session sees the claim)
          if (key) {
            await c.query('UPDATE idempotency SET result = $4 WHERE user_id = $1 AND action = $2 AND request_id = $3', [
              key.userId, key.action, key.requestId, JSON.stringify(result),
            ])
          }
          return { kind: 'logged', newReport, ...result }
        }
        await c.query(`SELECT 1 FROM shift_signups WHERE shift_id = $1 AND user_id = $2 AND status <> 'withdrawn' FOR NO KEY UPDATE`, [
          log.shiftId, log.userId,
        ])
        const inserted = await c.query(
          `INSERT INTO shift_logs (id, shift_id, user_id, note, report_id, at)
           SELECT $1, $2, $3, $4, $5, $6
           WHERE EXISTS (SELECT 1 FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
             WHERE su.shift_id = $2 AND su.user_id = $3 AND su.status = 'checkedIn' AND $6::timestamptz <= s.end_at)
           ON CONFLICT (report_id) DO NOTHING`,
          [log.id, log.shiftId, log.userId, log.note, log.reportId, log.at],
        )
        if (inserted.rowCount === 1) return logged(log.id)
        const prior = log.reportId ? await row<{ id: string }>(c, 'SELECT id FROM shift_logs WHERE report_id = $1', [log.reportId]) : null
        if (prior) return logged(prior.id)
        const mine = await readActiveSignup(c, log.shiftId, log.userId)
        throw new Rollback({ kind: 'refused', reason: mine?.status !== 'checkedIn' ? (mine?.status === 'checkedOut' ? 'checkedOut' : 'notCheckedIn') : 'ended' })
      })
    },

    /** The result stored under this key (a plain read: the write that claims it is addLog's). */
    async priorLog(key) {
      const prior = await priorOf(pool, key)
      if (!prior) return null
      if (prior.fingerprint !== key.fingerprint) return { kind: 'keyReused' }
      return { kind: 'replayed', ...(JSON.parse(prior.result) as LogResult) }
    },

    /**
     * The time rule. One index probe first (shifts_unsettled): nothing due costs no transaction. Then one
     * transaction. Each write is conditional (checkedIn → checkedOut, confirmed → noShow, settled_at IS NULL), and
     * that alone writes each attendance once under concurrent sweeps (a later UPDATE waits on the row and re-checks
     * its condition on the committed version). The due shifts are also locked FOR NO KEY UPDATE in end order, so an
     * overlapping sweep (another process) waits, re-checks `settled_at IS NULL` and skips them instead of reading
     * their signups again; the counts of overlapping sweeps add up to one sweep's.
     */
    async settle(now) {
      if (!(await row(pool, `SELECT 1 FROM shifts WHERE status = 'scheduled' AND settled_at IS NULL AND end_at <= $1::timestamptz LIMIT 1`, [now]))) return 0
      return inTransaction(pool, async (c) => {
        const due = await rows<{ id: string; start_at: string; end_at: string }>(
          c,
          `SELECT id, start_at, end_at FROM shifts WHERE status = 'scheduled' AND settled_at IS NULL AND end_at <= $1::timestamptz
           ORDER BY end_at, seq FOR NO KEY UPDATE`,
          [now],
        )
        let n = 0
        for (const s of due) {
          const times = { startAt: s.start_at, endAt: s.end_at }
          const open = await rows<{ id: string; checkin_at: string }>(c, `SELECT id, checkin_at FROM shift_signups WHERE shift_id = $1 AND status = 'checkedIn'`, [s.id])
          for (const r of open) {
            n += (await checkoutRow(c, s.end_at, true, Math.round(servedHours(times, r.checkin_at, s.end_at) * 10), r.id)).rowCount ?? 0
          }
          n += (await c.query(`UPDATE shift_signups SET status = 'noShow' WHERE shift_id = $1 AND status = 'confirmed' AND checkin_at IS NULL`, [s.id])).rowCount ?? 0
          await c.query('UPDATE shifts SET settled_at = $1 WHERE id = $2 AND settled_at IS NULL', [now, s.id])
        }
        return n
      })
    },
  }
}
