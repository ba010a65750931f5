import type { FollowUpKind, VisitFinding } from '@/domain/visits'
import type { Deps as ReportsDeps, NewReport, ReportsStore } from '../reports'
import type { HouseholdRepo } from '../residents'
import type { NewMessage } from '../messages'
import type * as shared from '../shared/context'
import type { AuditEntry, IdempotencyKey } from '../shared/ports'

/** 入户走访 storage (issue 17). Every write that must hold under concurrency is ONE method, atomic in the adapter. */

export interface NewVisit {
  id: string
  communityId: string
  gridId: string
  householdId: string
  visitorId: string
  visitedAt: string
  met: string
  finding: VisitFinding
  note: string
  createdAt: string
}

/** A household as the visit lists show it. */
export interface HouseholdRef {
  id: string
  gridId: string
  gridName: string
  building: string
  unit: string
  room: string
  headName: string
}

export interface VisitRecord extends NewVisit {
  seq: number
  reportId: string | null
  visitorName: string
  household: HouseholdRef
}

export interface NewFollowUp {
  householdId: string
  communityId: string
  gridId: string
  kind: FollowUpKind
  reason: string
  everyDays: number
  markedBy: string
  markedAt: string
}

export interface FollowUpRecord extends NewFollowUp {
  household: HouseholdRef
  /** the household's latest visit, null when never visited */
  lastVisitedAt: string | null
}

/** A report raised from the visit (report.create's row, photos, message and retry key). */
export interface VisitReport {
  report: NewReport
  photoIds: string[]
  messages: NewMessage[]
  key: IdempotencyKey | null
}

export interface VisitLogResult {
  visitId: string
  reportId: string | null
}

export type VisitReplay = ({ kind: 'replayed' } & VisitLogResult) | { kind: 'keyReused' }

/** `newReport`: the report was made by this call (its messages go out after the commit). */
export type VisitLogOutcome =
  | ({ kind: 'logged'; newReport: boolean } & VisitLogResult)
  | VisitReplay
  /** the report's photos are not the caller's unattached uploads */
  | { kind: 'badPhotos' }

/** Newest first: (visitedAt, seq) of a page's last visit. */
export type VisitCursor = { visitedAt: string; seq: number }

export interface VisitListQuery {
  /** the grids in scope (the caller's); one household's visits are read with householdFile (audited) */
  gridIds: string[]
  after: VisitCursor | null
  limit: number
}

export interface GridCoverageRow {
  gridId: string
  households: number
  /** households with a visit at or after the period's start */
  visited: number
}

export interface WorkerCoverageRow {
  userId: string
  name: string
  visits: number
  households: number
}

/** Oldest first: never visited ('' as the key) before any visit, then (lastVisitedAt, household id). */
export type PendingCursor = { last: string; id: string }

export interface PendingRow {
  household: HouseholdRef
  lastVisitedAt: string | null
}

export interface VisitRepo {
  /**
   * One transaction: a key already used → its first result (or keyReused); else the report (with `report`, made
   * with report.create's own statements and keyed by its own key), the visit linked to it, the follow-up mark
   * (with `followUp`: inserted unless the household already has one, which is kept) and the idempotency row.
   * Photos not the caller's unattached uploads → badPhotos, nothing written.
   */
  log(visit: NewVisit, key: IdempotencyKey | null, extra: { report?: VisitReport; followUp?: NewFollowUp }): Promise<VisitLogOutcome>
  /** The result stored under this key, read before a report is prepared; null when none. */
  prior(key: IdempotencyKey): Promise<VisitReplay | null>
  /** Visits of the grids (or of the household, when given), newest first. */
  list(q: VisitListQuery): Promise<VisitRecord[]>
  /** A household's file: its visits newest first and its mark, with the read's audit entry, in one transaction. */
  householdFile(
    householdId: string,
    page: { after: VisitCursor | null; limit: number },
    audit: AuditEntry,
  ): Promise<{ visits: VisitRecord[]; followUp: FollowUpRecord | null }>
  /** Per grid: households and those visited since `from`. */
  coverage(gridIds: string[], from: string): Promise<GridCoverageRow[]>
  /**
   * Per person: visits since `from` in these grids and the distinct households reached — every grid worker of the
   * grids (0 when none) and anyone else who visited there; most visits first.
   */
  workers(gridIds: string[], from: string): Promise<WorkerCoverageRow[]>
  /** Households of the grids not visited since `from`: never visited first, then oldest visit first. */
  pending(gridIds: string[], from: string, after: PendingCursor | null, limit: number): Promise<PendingRow[]>
  /** The follow-up marks of the grids, each with the household's last visit. */
  followUps(gridIds: string[]): Promise<FollowUpRecord[]>
  /** Sets (or replaces) the household's mark, with its audit entry, in one transaction. */
  markFollowUp(mark: NewFollowUp, audit: AuditEntry): Promise<FollowUpRecord>
  /** Removes the mark (false: there was none; then nothing is written, no audit). */
  clearFollowUp(householdId: string, audit: AuditEntry): Promise<boolean>
  /** The community's visit period in months; null: never set (the default applies). */
  plan(communityId: string): Promise<number | null>
  /** Sets the period (an upsert), with its audit entry, in one transaction. */
  setPlan(communityId: string, months: number, by: string, at: string, audit: AuditEntry): Promise<void>
}

// ---------- what this feature's use cases receive ----------

/** The visits, the households they are to, and reports' repositories (a finding files a report through report.create's use case). */
export interface VisitsStore extends ReportsStore {
  visits: VisitRepo
  households: HouseholdRepo
}

export interface Deps extends ReportsDeps {
  store: VisitsStore
}
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
