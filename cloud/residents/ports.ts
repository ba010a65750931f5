/** Residents' storage (issue 3): the household roster and resident applications. */
import type { ApplicationStatus, Relation } from '@/domain/residents'
import type * as shared from '../shared/context'
import type { AuditEntry, CommunityRepo, IdempotencyKey, UserRepo } from '../shared/ports'

/** One roster line, resolved to a grid of the importing community. */
export interface RosterRow {
  gridId: string
  building: string
  /** '' when the roster has no 单元 */
  unit: string
  room: string
  headName: string
  adults: number
  phone: string | null
}

export interface HouseholdRecord extends RosterRow {
  id: string
  communityId: string
  gridName: string
  gridSeq: number
  updatedAt: string | null
  /** verified residents bound to it, roster-only ones included */
  members: number
}

export interface HouseholdCursor {
  gridSeq: number
  building: string
  unit: string
  room: string
  id: string
}

/** Which households a staff member may list. */
export interface HouseholdScope {
  communityId: string
  /** null = every grid of the community */
  gridIds: string[] | null
}

export interface ImportOutcome {
  added: number
  updated: number
  unchanged: number
}

export interface ResidentApplicationRecord {
  id: string
  userId: string
  communityId: string
  gridId: string
  gridName: string
  building: string
  unit: string
  room: string
  name: string
  relation: Relation
  status: ApplicationStatus
  householdId: string | null
  reason: string | null
  reviewerId: string | null
  createdAt: string
  reviewedAt: string | null
  /** the roster's household of that room now, and its 户主's name (null when the roster lacks it) */
  rosterHouseholdId: string | null
  rosterHeadName: string | null
}

export interface NewResidentApplication {
  id: string
  userId: string
  communityId: string
  gridId: string
  building: string
  unit: string
  room: string
  name: string
  relation: Relation
  createdAt: string
}

export type ResidentApplyOutcome =
  | { kind: 'verified'; application: ResidentApplicationRecord }
  | { kind: 'pending'; application: ResidentApplicationRecord }
  | { kind: 'alreadyVerified' }
  | { kind: 'alreadyPending' }
  /** the same requestId again: the first reply */
  | { kind: 'replayed'; result: { status: 'verified' | 'pending'; applicationId: string } }
  /** the same requestId with another input */
  | { kind: 'keyReused' }

export interface ReviewDecision {
  reviewerId: string
  approve: boolean
  reason: string | null
  at: string
}

export type ResidentReviewOutcome =
  | { kind: 'done'; application: ResidentApplicationRecord }
  /** someone else decided first (the conditional UPDATE found it no longer pending) */
  | { kind: 'alreadyDecided' }
  /** approving a 户主 claim for a household that already has a verified 户主 */
  | { kind: 'headTaken' }
  /** approving someone who meanwhile got verified through another application */
  | { kind: 'applicantVerified' }

/** Keyset of the newest-first application lists (insertion order). */
export type SeqCursor = number

export interface HouseholdRepo {
  get(id: string): Promise<HouseholdRecord | null>
  findByRoom(gridId: string, building: string, unit: string, room: string): Promise<HouseholdRecord | null>
  /**
   * Upserts the rows by (grid, building, unit, room) in ONE transaction: new → added, other head/adults/
   * phone → updated, same → unchanged. The audit entry is written (in the same transaction) only when
   * something was added or updated, so a repeated import writes nothing.
   */
  importRoster(rows: RosterRow[], ids: () => string, at: string, audit: AuditEntry): Promise<ImportOutcome>
  list(scope: HouseholdScope, opts: { limit: number; after: HouseholdCursor | null }): Promise<HouseholdRecord[]>
  /** Every household of the scope in roster order, and the audit entry of the export, in one transaction. */
  exportAll(scope: HouseholdScope, audit: (rows: number) => AuditEntry): Promise<HouseholdRecord[]>
}

export interface ResidentApplicationRepo {
  get(id: string): Promise<ResidentApplicationRecord | null>
  latestOf(userId: string): Promise<ResidentApplicationRecord | null>
  list(
    communityId: string,
    opts: { status?: ApplicationStatus; limit: number; after: SeqCursor | null },
  ): Promise<{ record: ResidentApplicationRecord; seq: number }[]>
  /**
   * One IMMEDIATE transaction: the same requestId again returns the first reply (before any other check);
   * refuses when the user is verified or has a pending application; when the applicant claims to be 户主,
   * the roster has that room with that 户主 name (read inside the transaction, so a concurrent import
   * cannot slip between match and write) and no one is verified as its 户主 yet, inserts the application
   * as verified and binds the user (verified, household, grid, name); otherwise inserts it pending.
   */
  apply(app: NewResidentApplication, idem: IdempotencyKey | null): Promise<ResidentApplyOutcome>
  /**
   * Conditional UPDATE … WHERE status = 'pending' with, on approval, the binding of the user to
   * `householdId`, and the audit entry: all in one transaction; exactly one of concurrent reviews wins.
   */
  review(id: string, decision: ReviewDecision, householdId: string | null, audit: AuditEntry): Promise<ResidentReviewOutcome>
  /** The relation of the user's verified application to their household, null when none. */
  relationOf(userId: string, householdId: string): Promise<Relation | null>
}

// ---------- what this feature's use cases receive ----------

/** The repositories the residents use cases use. */
export interface ResidentsStore {
  users: UserRepo
  communities: CommunityRepo
  households: HouseholdRepo
  residentApplications: ResidentApplicationRepo
}

export type Deps = shared.Deps<ResidentsStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
