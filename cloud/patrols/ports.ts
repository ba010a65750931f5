import type { CoordSystem } from '@/domain/shared/geo'
import type { ShiftStatus, SignupStatus } from '@/domain/patrols'
import type { NewMessage } from '../messages'
import type { Deps as ReportsDeps, NewReport, ReportsStore } from '../reports'
import type * as shared from '../shared/context'
import type { AuditEntry, IdempotencyKey } from '../shared/ports'

/** Patrol shifts' storage (issue 6). Every concurrency-sensitive write is ONE method, atomic in the adapter. */

export interface ShiftRecord {
  seq: number
  id: string
  communityId: string
  seriesId: string | null
  title: string
  latitude: number
  longitude: number
  radius: number
  meetingPoint: string | null
  note: string | null
  startAt: string
  endAt: string
  capacity: number
  status: ShiftStatus
  cancelReason: string | null
  cancelledAt: string | null
  createdBy: string
  createdAt: string
  /** signups holding a seat (confirmed, checked in or out, no-show) */
  seated: number
  waitlisted: number
}

export type NewShift = Omit<ShiftRecord, 'seq' | 'status' | 'cancelReason' | 'cancelledAt' | 'seated' | 'waitlisted'>

export interface SignupRecord {
  seq: number
  id: string
  shiftId: string
  userId: string
  userName: string
  status: SignupStatus
  /** 1-based rank among the waitlisted by arrival; null unless waitlisted */
  position: number | null
  signedUpAt: string
  confirmedAt: string | null
  checkinAt: string | null
  checkinCoord: CoordSystem | null
  /** as the device gave it, in checkinCoord */
  checkinPosition: { latitude: number; longitude: number } | null
  checkinDistance: number | null
  checkoutAt: string | null
  autoCheckout: boolean
  hours: number | null
}

export interface CheckinFix {
  at: string
  latitude: number
  longitude: number
  accuracy: number
  coordSystem: CoordSystem
  /** metres from the area's centre (after conversion to GCJ-02) */
  distance: number
  /** the area rule's verdict (radius + accuracy); the store writes only when true */
  inside: boolean
}

export type ShiftCursor = { startAt: string; seq: number }

export interface ShiftListQuery {
  communityId: string
  /** shifts whose end is at or after this */
  from: string
  /** shifts that start before this (null: no bound) */
  to: string | null
  /** only shifts this user holds a signup on that is not withdrawn */
  mineOf: string | null
  /** by start (then creation order): soonest first, or most recent first; `after` follows the order */
  order: 'asc' | 'desc'
  after: ShiftCursor | null
  limit: number
}

export type CreateOutcome = { kind: 'created' | 'replayed'; shifts: ShiftRecord[] } | { kind: 'keyReused' }

export type SignupOutcome =
  | { kind: 'signedUp' | 'existing'; signup: SignupRecord }
  | { kind: 'notFound' }
  | { kind: 'cancelled' | 'started' }
  | { kind: 'overlap'; with: { id: string; title: string; startAt: string } }
  /** a 社会动员 call-out the user answered 能来 overlaps the shift (issue 18) */
  | { kind: 'calloutOverlap'; with: { id: string; title: string; startAt: string } }

/** Messages to compose inside the transaction (the promoted volunteer's). */
export type PromotionMessage = (shift: ShiftRecord, userId: string) => NewMessage

export type WithdrawOutcome =
  | { kind: 'withdrawn'; promoted: NewMessage | null }
  | { kind: 'alreadyWithdrawn' }
  | { kind: 'notSignedUp' | 'cutoffPassed' | 'cancelled' | 'notFound' }

export type CancelMessages = (shift: ShiftRecord, userIds: string[]) => NewMessage[]

export type CancelOutcome =
  | { kind: 'cancelled'; shift: ShiftRecord; messages: NewMessage[] }
  | { kind: 'alreadyCancelled'; shift: ShiftRecord }
  | { kind: 'started' | 'notFound' }

export type CheckinOutcome =
  | { kind: 'checkedIn' | 'already'; signup: SignupRecord }
  | { kind: 'notConfirmed'; signup: SignupRecord | null }
  | { kind: 'cancelled' }
  /** outside [startAt − 15 min, endAt], or outside the area */
  | { kind: 'early' | 'ended' | 'outside' }

export type CheckoutOutcome =
  | { kind: 'checkedOut' | 'already'; signup: SignupRecord }
  | { kind: 'notCheckedIn'; signup: SignupRecord | null }

export interface NewShiftLog {
  id: string
  shiftId: string
  userId: string
  note: string
  reportId: string | null
  at: string
}

export type LogRefusal = 'notCheckedIn' | 'checkedOut' | 'ended'

export interface LogResult {
  logId: string
  reportId: string | null
}

/** `replayed`: the first result stored under the same (caller, 'shift.log', requestId) and input. */
export type LogReplay = ({ kind: 'replayed' } & LogResult) | { kind: 'keyReused' }

/** A 发现隐患 report to store with the log (report.create's row, photos, message and retry key). */
export interface LogReport {
  report: NewReport
  photoIds: string[]
  messages: NewMessage[]
  key: IdempotencyKey | null
}

/** `newReport`: the report was made by this call (its messages go out after the commit). */
export type LogOutcome =
  | ({ kind: 'logged'; newReport: boolean } & LogResult)
  | LogReplay
  | { kind: 'refused'; reason: LogRefusal }
  /** the report's photos are not the caller's unattached uploads */
  | { kind: 'badPhotos' }

export interface ShiftLogRecord extends NewShiftLog {
  userName: string
}

export interface VolunteerTotals {
  hoursThisMonth: number
  hoursTotal: number
  shiftsDone: number
  noShows: number
}

export interface BoardRow {
  userId: string
  name: string
  hours: number
  shifts: number
}

export interface ShiftRepo {
  /** Every occurrence, the audit entry and the idempotency row in one transaction. */
  create(shifts: NewShift[], audit: AuditEntry, key: IdempotencyKey | null): Promise<CreateOutcome>
  get(id: string): Promise<ShiftRecord | null>
  list(q: ShiftListQuery): Promise<ShiftRecord[]>
  /** The user's signups (not withdrawn) on these shifts. */
  signupsOf(userId: string, shiftIds: string[]): Promise<SignupRecord[]>
  /** Every signup that is not withdrawn: seat holders by arrival, then the waitlist by arrival. */
  roster(shiftId: string): Promise<SignupRecord[]>
  /**
   * One IMMEDIATE transaction: the user's signup that is not withdrawn → `existing`; a cancelled or started
   * shift → refused; an overlapping signup of the user → `overlap`; else a new row at the back: confirmed
   * while seats remain, else waitlisted.
   */
  signup(shiftId: string, userId: string, id: string, at: string): Promise<SignupOutcome>
  /**
   * One IMMEDIATE transaction: the cut-off (startAt − 2 h, included), the signup withdrawn, and when it held
   * a seat the earliest waitlisted is confirmed and its message written.
   */
  withdraw(shiftId: string, userId: string, at: string, promoted: PromotionMessage): Promise<WithdrawOutcome>
  /**
   * Before the start only: the shift cancelled with its reason, a message to every signup not withdrawn, the
   * audit. Already cancelled: nothing written, the shift as it is (a retry is answered by the use case).
   */
  cancel(id: string, reason: string, at: string, compose: CancelMessages, audit: AuditEntry): Promise<CancelOutcome>
  /**
   * One conditional UPDATE: confirmed → checkedIn on a scheduled shift, `fix.at` within [startAt − 15 min,
   * endAt] and `fix.inside`; when nothing is written, why (in the same transaction). A second returns the first.
   */
  checkin(shiftId: string, userId: string, fix: CheckinFix): Promise<CheckinOutcome>
  /** Conditional: checkedIn → checkedOut at min(at, endAt) with its hours; a second returns the first. */
  checkout(shiftId: string, userId: string, at: string): Promise<CheckoutOutcome>
  /**
   * One IMMEDIATE transaction: a key already used → its first result (or `keyReused`); else one conditional
   * INSERT, only while the user's signup is checkedIn and `log.at` ≤ endAt (else why), and the idempotency row.
   * With `report` (发现隐患), the report is created (or found by its own key) in the SAME transaction and the log
   * keeps its id: a refused log leaves no report. Once per report (a guard for reports made before that).
   */
  addLog(log: NewShiftLog, key: IdempotencyKey | null, report?: LogReport): Promise<LogOutcome>
  /** The result stored under this key, read before a 发现隐患 report is made; null when none. */
  priorLog(key: IdempotencyKey): Promise<LogReplay | null>
  /** The shift's logs with their authors' names, newest first; with `userId`, only that user's. */
  logs(shiftId: string, userId: string | null): Promise<ShiftLogRecord[]>
  /**
   * The time rule, as conditional UPDATEs (nothing written when nothing is due): check-ins of shifts ended by
   * `now` closed at endAt, confirmed signups never checked in marked noShow, and each such shift marked settled
   * so that the cost is what is due, not the history (one index probe when nothing is).
   */
  settle(now: string): Promise<number>
  /** Scheduled shifts starting in (from, to], soonest first (for the reminders). */
  startingBetween(from: string, to: string): Promise<ShiftRecord[]>
  totals(userId: string, month: { from: string; to: string }): Promise<VolunteerTotals>
  board(communityId: string, month: { from: string; to: string }): Promise<BoardRow[]>
}

// ---------- what this feature's use cases receive ----------

/**
 * The repositories the patrols use cases use: the shifts, and reports' (发现隐患 files a report through
 * report.create's use case).
 */
export interface PatrolsStore extends ReportsStore {
  shifts: ShiftRepo
}

/** Reports' deps (a 发现隐患 report is answered with its photos' addresses), over a store that also holds the shifts. */
export interface Deps extends ReportsDeps {
  store: PatrolsStore
}
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
