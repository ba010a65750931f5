import type { PointsRepo } from '../points'
import type { CalloutAnswer, CalloutKind, CalloutStatus } from '@/domain/callouts'
import type { CoordSystem } from '@/domain/shared/geo'
import type { NewMessage } from '../messages'
import type * as shared from '../shared/context'
import type { AuditEntry, CommunityRepo, IdempotencyKey, UserRepo } from '../shared/ports'

/** 社会动员 call-outs' storage (issue 18). Every concurrency-sensitive write is ONE method, atomic in the adapter. */

export interface CalloutTaskRecord {
  id: string
  name: string
  capacity: number
  /** answered 能来 for it (the seat count) */
  taken: number
  checkedIn: number
}

export interface CalloutRecord {
  seq: number
  id: string
  communityId: string
  title: string
  kind: CalloutKind
  description: string
  place: string
  latitude: number
  longitude: number
  radius: number
  startAt: string
  endAt: string
  status: CalloutStatus
  closedAt: string | null
  closeReason: string | null
  toVolunteers: boolean
  toResidents: boolean
  gridIds: string[]
  recipients: number
  answeredYes: number
  answeredNo: number
  tasks: CalloutTaskRecord[]
  createdBy: string
  createdAt: string
}

export type NewCallout = Omit<CalloutRecord, 'seq' | 'status' | 'closedAt' | 'closeReason' | 'recipients' | 'answeredYes' | 'answeredNo' | 'tasks'> & {
  tasks: { id: string; name: string; capacity: number }[]
}

export interface RecipientRecord {
  calloutId: string
  userId: string
  answer: CalloutAnswer | null
  taskId: string | null
  answeredAt: string | null
  checkinAt: string | null
  checkinDistance: number | null
}

/** The message each recipient gets, composed in the transaction (its id made from the callout's and the user's). */
export interface CalloutMessageText {
  title: string
  body: string
}

export type CalloutCreateOutcome =
  | { kind: 'created'; callout: CalloutRecord; recipientIds: string[] }
  | { kind: 'replayed'; callout: CalloutRecord }
  | { kind: 'keyReused' }

export type AnswerOutcome =
  | { kind: 'answered'; recipient: RecipientRecord }
  | { kind: 'notAddressed' | 'closed' | 'ended' | 'noTask' | 'full' | 'checkedIn' }
  | { kind: 'overlap'; with: { id: string; title: string; startAt: string } }

export interface CalloutFix {
  at: string
  latitude: number
  longitude: number
  accuracy: number
  coordSystem: CoordSystem
  /** metres from the 报到 point (after conversion to GCJ-02) */
  distance: number
  /** the area rule's verdict; the store writes only when true */
  inside: boolean
}

export type CalloutCheckinOutcome =
  | { kind: 'checkedIn' | 'already'; recipient: RecipientRecord }
  | { kind: 'notAddressed' | 'notComing' | 'closed' | 'early' | 'ended' | 'outside' }

/** Messages to everyone who answered 能来, composed in the transaction from the changed call-out. */
export type SignedUpMessages = (c: CalloutRecord, userIds: string[]) => NewMessage[]

export type CloseOutcome = { kind: 'closed'; callout: CalloutRecord; messages: NewMessage[] } | { kind: 'alreadyClosed' | 'ended' | 'notFound' }

export type ExtendOutcome =
  | { kind: 'extended'; callout: CalloutRecord; messages: NewMessage[] }
  | { kind: 'closed' | 'ended' | 'notLater' | 'tooLong' | 'notFound' }

export type CalloutCursor = { rank: number; startAt: string; seq: number }

export interface CalloutListQuery {
  /** the community's call-outs (staff), or those sent to this user */
  communityId: string | null
  recipientId: string | null
  /** open ones (not closed, end after now) first, then the rest; by start, latest first */
  now: string
  after: CalloutCursor | null
  limit: number
}

/** A call-out the user checked in to, for the hours (计入志愿时长). */
export interface Attendance {
  calloutId: string
  title: string
  startAt: string
  endAt: string
  status: CalloutStatus
  checkinAt: string
}

export interface CalloutRepo {
  /**
   * One transaction: the idempotency row, the call-out and its tasks, one recipient row per verified user of the
   * community living in the chosen grids who has the audience's role (INSERT … SELECT, in bulk), one message to each
   * (in bulk too), the audit. A replay returns the first call-out.
   */
  create(c: NewCallout, message: CalloutMessageText, audit: AuditEntry, key: IdempotencyKey | null): Promise<CalloutCreateOutcome>
  get(id: string): Promise<CalloutRecord | null>
  list(q: CalloutListQuery): Promise<(CalloutRecord & { rank: number })[]>
  recipient(calloutId: string, userId: string): Promise<RecipientRecord | null>
  /** Who has not answered, by name (by user id; the first `limit`). */
  unanswered(calloutId: string, limit: number): Promise<{ userId: string; name: string }[]>
  /**
   * One transaction: the recipient's row locked; a call-out closed or ended → refused; already checked in → refused;
   * 能来: the task of this call-out, no active patrol signup of the user overlapping the call-out's time, then a
   * seat taken by a conditional UPDATE (taken < capacity) unless it is the same task, the old task's seat freed;
   * 来不了: the old seat freed. The answer written.
   */
  answer(calloutId: string, userId: string, answer: CalloutAnswer, taskId: string | null, at: string): Promise<AnswerOutcome>
  /** One conditional UPDATE: answered 能来, not checked in, open, `fix.at` in [startAt − 15 min, endAt] and inside; else why. */
  checkin(calloutId: string, userId: string, fix: CalloutFix): Promise<CalloutCheckinOutcome>
  /** Open and not ended → closed (endAt = the closing time once started), a message to everyone signed up, the audit. */
  close(id: string, reason: string, at: string, endAt: string, compose: SignedUpMessages, audit: AuditEntry): Promise<CloseOutcome>
  /** Open and not ended, the new end later and within 24 h of the start → extended, everyone signed up told, the audit. */
  extend(id: string, endAt: string, at: string, maxEndAt: string, compose: SignedUpMessages, audit: AuditEntry): Promise<ExtendOutcome>
  /** The call-outs the user checked in to, by start. */
  attendance(userId: string): Promise<Attendance[]>
}

// ---------- what this feature's use cases receive ----------

export interface CalloutsStore {
  callouts: CalloutRepo
  users: UserRepo
  communities: CommunityRepo
  /** 积分制: a call-out attended (报到) earns its points (issue 18) */
  points: PointsRepo
}

export type Deps = shared.Deps<CalloutsStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
