import { beforeCutoff, CHECKIN_OPENS_BEFORE_MS, checkinWindow, servedHours } from '@/domain/patrols/rules'
import type { AuditEntry, IdempotencyKey } from '../../shared/ports'
import type {
  CancelMessages,
  CancelOutcome,
  CheckinFix,
  CheckinOutcome,
  CheckoutOutcome,
  CreateOutcome,
  LogOutcome,
  LogRefusal,
  LogReport,
  LogResult,
  NewShift,
  NewShiftLog,
  PromotionMessage,
  ShiftRepo,
  SignupOutcome,
  WithdrawOutcome,
} from '../../patrols/ports'
import { auditWriter } from './audit'
import { writerOf } from './busy'
import { idempotencyTable } from './idempotency'
import { messageWriter } from './messages'
import type { Db } from './open'
import { reportStatements } from './reports'
import { shiftQueries } from './patrolQueries'
import { SEATED } from '../rows/patrols'
import { shiftReads } from './patrolRows'
import { OVERLAPPING_CALLOUT } from '../rows/callouts'

/**
 * The patrol store. Signup, withdraw (with the promotion), cancel, check-in and check-out are each one
 * IMMEDIATE transaction or one conditional UPDATE; arrival order is the signup row's INTEGER PRIMARY KEY.
 */
export function shiftRepo(db: Db): ShiftRepo {
  const write = writerOf(db)
  const reads = shiftReads(db)
  const writeAudit = auditWriter(db)
  const writeMessage = messageWriter(db)

  const insertShift = db.prepare(`
    INSERT INTO shifts (id, community_id, series_id, title, latitude, longitude, radius, meeting_point, note, start_at, end_at,
      capacity, created_by, created_at)
    VALUES (@id, @communityId, @seriesId, @title, @latitude, @longitude, @radius, @meetingPoint, @note, @startAt, @endAt,
      @capacity, @createdBy, @createdAt)`)
  const seatedCount = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM shift_signups WHERE shift_id = ? AND status IN ${SEATED}`)
  const overlapping = db.prepare<[string, string, string, string], { id: string; title: string; start_at: string }>(`
    SELECT s.id, s.title, s.start_at FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
    WHERE su.user_id = ? AND su.status <> 'withdrawn' AND s.status = 'scheduled' AND s.id <> ?
      AND s.start_at < ? AND ? < s.end_at
    ORDER BY s.start_at LIMIT 1`)
  const overlappingCallout = db.prepare<[string, string, string], { id: string; title: string; start_at: string }>(OVERLAPPING_CALLOUT)
  const insertSignup = db.prepare(`
    INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?)`)
  const lastWithdrawn = db.prepare<[string, string], { x: number }>(`
    SELECT 1 AS x FROM shift_signups WHERE shift_id = ? AND user_id = ? AND status = 'withdrawn' LIMIT 1`)
  const markWithdrawn = db.prepare(`
    UPDATE shift_signups SET status = 'withdrawn', withdrawn_at = ? WHERE id = ? AND status IN ('confirmed', 'waitlisted')`)
  const firstWaiting = db.prepare<[string], { id: string; user_id: string }>(`
    SELECT id, user_id FROM shift_signups WHERE shift_id = ? AND status = 'waitlisted' ORDER BY seq LIMIT 1`)
  const promote = db.prepare(`UPDATE shift_signups SET status = 'confirmed', confirmed_at = ? WHERE id = ? AND status = 'waitlisted'`)
  const cancelShift = db.prepare(`
    UPDATE shifts SET status = 'cancelled', cancel_reason = ?, cancelled_at = ? WHERE id = ? AND status = 'scheduled' AND start_at > ?`)
  const toldOfCancel = db.prepare<[string], { user_id: string }>(`
    SELECT user_id FROM shift_signups WHERE shift_id = ? AND status IN ('confirmed', 'waitlisted') ORDER BY seq`)
  const checkinRow = db.prepare(`
    UPDATE shift_signups SET status = 'checkedIn', checkin_at = @at, checkin_lat = @latitude, checkin_lng = @longitude,
      checkin_accuracy = @accuracy, checkin_coord = @coordSystem, checkin_distance = @distance
    WHERE shift_id = @shiftId AND user_id = @userId AND status = 'confirmed' AND @inside = 1
      AND EXISTS (SELECT 1 FROM shifts WHERE id = @shiftId AND status = 'scheduled'
        AND @at >= strftime('%Y-%m-%dT%H:%M:%fZ', start_at, @opensBefore) AND @at <= end_at)`)
  const opensBefore = `-${CHECKIN_OPENS_BEFORE_MS / 1000} seconds`
  const checkoutRow = db.prepare(`
    UPDATE shift_signups SET status = 'checkedOut', checkout_at = ?, auto_checkout = ?, hours_tenths = ?
    WHERE id = ? AND status = 'checkedIn'`)
  // the time rule: only scheduled shifts past their end and not yet settled (the partial index shifts_unsettled)
  const anyDue = db.prepare<[string], { x: number }>(`
    SELECT 1 AS x FROM shifts WHERE status = 'scheduled' AND settled_at IS NULL AND end_at <= ? LIMIT 1`)
  const dueShifts = db.prepare<[string], { id: string; start_at: string; end_at: string }>(`
    SELECT id, start_at, end_at FROM shifts WHERE status = 'scheduled' AND settled_at IS NULL AND end_at <= ? ORDER BY end_at`)
  const checkedInOf = db.prepare<[string], { id: string; checkin_at: string }>(`
    SELECT id, checkin_at FROM shift_signups WHERE shift_id = ? AND status = 'checkedIn'`)
  const markNoShows = db.prepare(`
    UPDATE shift_signups SET status = 'noShow' WHERE shift_id = ? AND status = 'confirmed' AND checkin_at IS NULL`)
  const markSettled = db.prepare('UPDATE shifts SET settled_at = ? WHERE id = ? AND settled_at IS NULL')
  const insertLog = db.prepare(`
    INSERT INTO shift_logs (id, shift_id, user_id, note, report_id, at)
    SELECT @id, @shiftId, @userId, @note, @reportId, @at
    WHERE EXISTS (SELECT 1 FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
      WHERE su.shift_id = @shiftId AND su.user_id = @userId AND su.status = 'checkedIn' AND @at <= s.end_at)
    ON CONFLICT (report_id) DO NOTHING`)
  const logOfReport = db.prepare<[string], { id: string }>('SELECT id FROM shift_logs WHERE report_id = ?')

  const idem = idempotencyTable(db)
  const reportWrites = reportStatements(db)

  const createTx = db.transaction((shifts: NewShift[], audit: AuditEntry, key: IdempotencyKey | null): CreateOutcome => {
    const prior = idem.lookup<{ ids: string[] }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', shifts: prior.result.ids.map((id) => reads.shift(id)!) }
    for (const s of shifts) insertShift.run(s)
    writeAudit(audit)
    idem.store(key, { ids: shifts.map((s) => s.id) }, audit.at)
    return { kind: 'created', shifts: shifts.map((s) => reads.shift(s.id)!) }
  })

  const signupTx = db.transaction((shiftId: string, userId: string, id: string, at: string): SignupOutcome => {
    const existing = reads.activeSignup(shiftId, userId)
    if (existing) return { kind: 'existing', signup: existing }
    const s = reads.shift(shiftId)
    if (!s) return { kind: 'notFound' }
    if (s.status === 'cancelled') return { kind: 'cancelled' }
    if (at >= s.startAt) return { kind: 'started' }
    const clash = overlapping.get(userId, shiftId, s.endAt, s.startAt)
    if (clash) return { kind: 'overlap', with: { id: clash.id, title: clash.title, startAt: clash.start_at } }
    const callout = overlappingCallout.get(userId, s.endAt, s.startAt)
    if (callout) return { kind: 'calloutOverlap', with: { id: callout.id, title: callout.title, startAt: callout.start_at } }
    const confirmed = seatedCount.get(shiftId)!.n < s.capacity
    insertSignup.run(id, shiftId, userId, confirmed ? 'confirmed' : 'waitlisted', at, confirmed ? at : null)
    return { kind: 'signedUp', signup: reads.activeSignup(shiftId, userId)! }
  })

  const withdrawTx = db.transaction((shiftId: string, userId: string, at: string, compose: PromotionMessage): WithdrawOutcome => {
    const s = reads.shift(shiftId)
    if (!s) return { kind: 'notFound' }
    const mine = reads.activeSignup(shiftId, userId)
    if (!mine) return lastWithdrawn.get(shiftId, userId) ? { kind: 'alreadyWithdrawn' } : { kind: 'notSignedUp' }
    if (s.status === 'cancelled') return { kind: 'cancelled' }
    if (!beforeCutoff(s, at) || (mine.status !== 'confirmed' && mine.status !== 'waitlisted')) return { kind: 'cutoffPassed' }
    markWithdrawn.run(at, mine.id)
    if (mine.status !== 'confirmed') return { kind: 'withdrawn', promoted: null }
    const next = firstWaiting.get(shiftId)
    if (!next) return { kind: 'withdrawn', promoted: null }
    promote.run(at, next.id)
    const message = compose(s, next.user_id)
    writeMessage(message)
    return { kind: 'withdrawn', promoted: message }
  })

  const cancelTx = db.transaction(
    (id: string, reason: string, at: string, compose: CancelMessages, audit: AuditEntry): CancelOutcome => {
      const s = reads.shift(id)
      if (!s) return { kind: 'notFound' }
      if (s.status === 'cancelled') return { kind: 'alreadyCancelled', shift: s }
      if (cancelShift.run(reason, at, id, at).changes === 0) return { kind: 'started' }
      const after = reads.shift(id)!
      const messages = compose(after, toldOfCancel.all(id).map((r) => r.user_id))
      for (const m of messages) writeMessage(m)
      writeAudit(audit)
      return { kind: 'cancelled', shift: after, messages }
    },
  )

  const checkinTx = db.transaction((shiftId: string, userId: string, fix: CheckinFix): CheckinOutcome => {
    const { at, latitude, longitude, accuracy, coordSystem, distance } = fix
    const changed = checkinRow.run({ shiftId, userId, at, latitude, longitude, accuracy, coordSystem, distance, inside: fix.inside ? 1 : 0, opensBefore }).changes
    const mine = reads.activeSignup(shiftId, userId)
    if (changed === 1) return { kind: 'checkedIn', signup: mine! }
    // nothing written: why, in the order a person needs to hear it
    if (mine && mine.checkinAt) return { kind: 'already', signup: mine }
    const s = reads.shift(shiftId)
    if (!s || s.status === 'cancelled') return { kind: 'cancelled' }
    if (!mine || mine.status === 'waitlisted') return { kind: 'notConfirmed', signup: mine }
    const window = checkinWindow(s, at)
    if (window !== 'open') return { kind: window }
    return mine.status === 'confirmed' ? { kind: 'outside' } : { kind: 'notConfirmed', signup: mine }
  })

  const addLogTx = db.transaction((entry: NewShiftLog, key: IdempotencyKey | null, report?: LogReport): LogOutcome => {
    const first = idem.lookup<LogResult>(key)
    if (first.kind === 'keyReused') return first
    if (first.kind === 'replayed') return { kind: 'replayed', ...first.result }
    let log = entry
    let newReport = false
    if (report) {
      // report.create's own statements, nested (a savepoint): undone with the log when the log is refused
      const made = reportWrites.create(report.report, report.photoIds, report.messages, report.key)
      if (made.kind === 'keyReused' || made.kind === 'badPhotos') return { kind: made.kind }
      log = { ...entry, reportId: made.report.id }
      newReport = made.kind === 'created'
    }
    const logged = (logId: string): LogOutcome => {
      const result: LogResult = { logId, reportId: log.reportId }
      idem.store(key, result, log.at)
      return { kind: 'logged', newReport, ...result }
    }
    if (insertLog.run(log).changes === 1) return logged(log.id)
    const prior = log.reportId ? logOfReport.get(log.reportId) : undefined
    if (prior) return logged(prior.id)
    const mine = reads.activeSignup(log.shiftId, log.userId)
    throw new LogRefused(mine?.status !== 'checkedIn' ? (mine?.status === 'checkedOut' ? 'checkedOut' : 'notCheckedIn') : 'ended')
  })

  const checkoutTx = db.transaction((shiftId: string, userId: string, at: string): CheckoutOutcome => {
    const mine = reads.activeSignup(shiftId, userId)
    if (mine?.status === 'checkedOut') return { kind: 'already', signup: mine }
    if (!mine || mine.status !== 'checkedIn') return { kind: 'notCheckedIn', signup: mine }
    const s = reads.shift(shiftId)!
    const auto = at >= s.endAt
    const out = auto ? s.endAt : at
    checkoutRow.run(out, auto ? 1 : 0, Math.round(servedHours(s, mine.checkinAt!, out) * 10), mine.id)
    return { kind: 'checkedOut', signup: reads.activeSignup(shiftId, userId)! }
  })

  const settleTx = db.transaction((now: string): number => {
    let n = 0
    for (const s of dueShifts.all(now)) {
      const times = { startAt: s.start_at, endAt: s.end_at }
      for (const r of checkedInOf.all(s.id)) {
        n += checkoutRow.run(s.end_at, 1, Math.round(servedHours(times, r.checkin_at, s.end_at) * 10), r.id).changes
      }
      n += markNoShows.run(s.id).changes
      markSettled.run(now, s.id)
    }
    return n
  })

  return {
    ...shiftQueries(db, reads),
    async create(shifts, audit, key) {
      return createTx.immediate(shifts, audit, key)
    },
    async signup(shiftId, userId, id, at) {
      return write(() => signupTx.immediate(shiftId, userId, id, at))
    },
    async withdraw(shiftId, userId, at, compose) {
      return withdrawTx.immediate(shiftId, userId, at, compose)
    },
    async cancel(id, reason, at, compose, audit) {
      return cancelTx.immediate(id, reason, at, compose, audit)
    },
    async checkin(shiftId, userId, fix) {
      return checkinTx.immediate(shiftId, userId, fix)
    },
    async checkout(shiftId, userId, at) {
      return checkoutTx.immediate(shiftId, userId, at)
    },
    async addLog(log, key, report) {
      try {
        return addLogTx.immediate(log, key, report)
      } catch (e) {
        // thrown inside the transaction so that a report made with the log rolls back with it
        if (e instanceof LogRefused) return { kind: 'refused', reason: e.reason }
        throw e
      }
    },
    async priorLog(key) {
      const first = idem.lookup<LogResult>(key)
      if (first.kind === 'none') return null
      return first.kind === 'keyReused' ? first : { kind: 'replayed', ...first.result }
    },
    async settle(now) {
      // one index probe first: the write lock is taken only when a shift is due
      if (!anyDue.get(now)) return 0
      return settleTx.immediate(now)
    },
  }
}

class LogRefused extends Error {
  constructor(readonly reason: LogRefusal) {
    super(reason)
  }
}
