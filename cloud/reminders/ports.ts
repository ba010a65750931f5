/** The reminders ledger (a periodic sweep), issues 5 and 6. */
import type { MessageKind, MessageTarget } from '@/domain/messages'
import type { NewMessage } from '../messages'
import type { MotionRepo } from '../motions'
import type { ShiftRepo } from '../patrols'
import type { PointsRepo } from '../points'
import type * as shared from '../shared/context'
import type { LeaseRepo } from '../shared/ports'

/**
 * Who a reminder goes to. The store resolves it INSIDE the transaction that writes the messages, so that a
 * resident who voted (or a volunteer who cancelled) a moment before is not reminded. `users` is a fixed list
 * (resolved by the source before the write); other kinds are queries the adapter knows.
 */
export type ReminderAudience =
  | { kind: 'users'; userIds: string[] }
  /** verified residents of the motion's community who may vote and have not (their household has not, for a
   * households motion); nobody unless the motion is in voting and before voteUntil at the write */
  | { kind: 'motionUnvoted'; motionId: string }
  /** volunteers holding a confirmed seat on the shift; nobody unless it is scheduled and not started at the write */
  | { kind: 'shiftConfirmed'; shiftId: string }

/** One reminder that is due: once per key, ever. */
export interface DueReminder {
  /** e.g. `motion:<id>:closing`, `shift:<id>:eve` */
  key: string
  kind: MessageKind
  title: string
  body: string
  target: MessageTarget | null
  audience: ReminderAudience
}

export type ReminderSendOutcome =
  /** the ledger row and one message per recipient (possibly none) were written */
  | { kind: 'sent'; messages: NewMessage[] }
  /** the key was in the ledger: nothing written */
  | { kind: 'alreadySent' }

export interface ReminderRepo {
  /**
   * One IMMEDIATE transaction: nothing when the key is already in the ledger; else resolves the audience,
   * writes one message per recipient and the ledger row (key, at, recipients). Overlapping sweeps send once.
   */
  send(reminder: DueReminder, at: string, newId: () => string): Promise<ReminderSendOutcome>
}

// ---------- what this feature's use cases receive ----------

/** The repositories the sweep uses: the ledger, and the motions and shifts it reminds of. */
export interface RemindersStore {
  reminders: ReminderRepo
  motions: MotionRepo
  shifts: ShiftRepo
  /** 积分制: the sweep grants the patrol hours of automatic check-outs (issue 18) */
  points: PointsRepo
  /** the sweep runs in one process at a time */
  leases: LeaseRepo
}

export type Deps = shared.Deps<RemindersStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
