import type { MeetingOutcome } from '@/domain/meetings'
import type { ReportCategory, ReportLevel, ReportStatus } from '@/domain/reports'
import type { Role } from '@/domain/shared/roles'
import type { NewMessage } from '../messages'
import type { Deps as ReportsDeps, ReportArea, ReportsStore } from '../reports'
import type * as shared from '../shared/context'
import type { AuditEntry, IdempotencyKey } from '../shared/ports'

/** 联席会议 storage. Recording a meeting is ONE method, atomic in the adapter. */

export interface MeetingTaskRecord {
  id: string
  meetingId: string
  reportId: string
  ownerId: string
  ownerName: string
  ownerRoles: Role[]
  task: string
  dueOn: string
  doneAt: string | null
  doneNote: string | null
}

export interface MeetingRecord {
  id: string
  reportId: string
  heldOn: string
  place: string
  departments: string[]
  attendees: { name: string; role: string | null }[]
  decision: string
  outcome: MeetingOutcome
  recordedBy: string
  recordedByName: string
  recordedByRoles: Role[]
  recordedAt: string
  tasks: MeetingTaskRecord[]
}

export interface NewMeeting {
  id: string
  reportId: string
  /** the report's version the decision was taken on: the write is conditional on it (and bumps it) */
  reportVersion: number
  heldOn: string
  place: string
  departments: string[]
  attendees: { name: string; role: string | null }[]
  decision: string
  outcome: MeetingOutcome
  recordedBy: string
  recordedAt: string
  tasks: { id: string; ownerId: string; task: string; dueOn: string }[]
  /** the report's timeline step (everyone sees it): the report's status and level stay */
  event: { note: string; status: ReportStatus; level: ReportLevel }
  messages: NewMessage[]
  audit: AuditEntry
}

export type MeetingRecordOutcome =
  | { kind: 'recorded'; meetingId: string }
  /** the same requestId was recorded before: nothing written */
  | { kind: 'replayed'; meetingId: string }
  | { kind: 'keyReused' }
  /** the report changed since it was read */
  | { kind: 'conflict' }

/** A task with what its report is about, for its owner's 待办. */
export interface OwnedTaskRecord extends MeetingTaskRecord {
  reportCategory: ReportCategory
  reportDescription: string
}

export interface ResponsibleRecord {
  reportId: string
  userId: string
  name: string
  roles: Role[]
  assignedAt: string
}

export interface NewResponsible {
  reportId: string
  /** the report's version read: conditional, and bumped */
  reportVersion: number
  userId: string
  assignedBy: string
  at: string
  event: { note: string; status: ReportStatus; level: ReportLevel }
  messages: NewMessage[]
  audit: AuditEntry
}

export type AssignResponsibleOutcome = { kind: 'done' } | { kind: 'same' } | { kind: 'conflict' }

/** A dispute someone is answerable for, with what it is about. */
export interface ResponsibleForRecord {
  reportId: string
  category: ReportCategory
  description: string
  status: ReportStatus
  assignedAt: string
}

export interface DisputeCounts {
  open: number
  withResponsible: number
  meetingsSince: number
  openTasks: number
  overdueTasks: number
}

export type CompleteTaskOutcome = { kind: 'done'; task: MeetingTaskRecord } | { kind: 'alreadyDone' } | { kind: 'notFound' }

export interface MeetingRepo {
  /**
   * One transaction: the retry key; the report's version bumped if it is still the one read (else `conflict`);
   * the meeting, its tasks, the timeline step, the owners' messages, the audit entry and the key's result.
   */
  record(m: NewMeeting, key: IdempotencyKey | null): Promise<MeetingRecordOutcome>
  /** The report's meetings, oldest first, each with its tasks in the order given. */
  ofReport(reportId: string): Promise<MeetingRecord[]>
  /** The owner's tasks not done yet, by deadline then recording order (at most `limit`). */
  openTasksOf(ownerId: string, limit: number): Promise<OwnedTaskRecord[]>
  /** Marks the owner's task done if it is not yet (one conditional UPDATE). */
  completeTask(taskId: string, ownerId: string, at: string, note: string | null): Promise<CompleteTaskOutcome>
  /**
   * One transaction: `same` when that person is already answerable (nothing written); else the report's version
   * bumped if still the one read (else `conflict`), the responsible set (replacing any), the timeline step, the
   * message and the audit entry.
   */
  assignResponsible(r: NewResponsible): Promise<AssignResponsibleOutcome>
  responsibleOf(reportId: string): Promise<ResponsibleRecord | null>
  /** The open disputes (待受理, 退回补充, 处理中) the person is answerable for, oldest assignment first. */
  responsibleFor(userId: string, limit: number): Promise<ResponsibleForRecord[]>
  /** The area's open disputes (and how many have a responsible), meetings recorded since `since`, open and overdue (due before `today`) tasks. */
  summary(area: ReportArea, since: string, today: string): Promise<DisputeCounts>
}

// ---------- what this feature's use cases receive ----------

export interface MeetingsStore extends ReportsStore {
  meetings: MeetingRepo
}

export interface Deps extends ReportsDeps {
  store: MeetingsStore
}
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
