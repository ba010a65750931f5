/** Volunteers' storage (issue 3): volunteer applications; hours come from patrols' shifts. */
import type { ApplicationStatus } from '@/domain/residents'
import type { ShiftRepo } from '../patrols'
import type { CalloutRepo } from '../callouts'
import type { ReviewDecision, SeqCursor } from '../residents'
import type * as shared from '../shared/context'
import type { AuditEntry, CommunityRepo, IdempotencyKey } from '../shared/ports'

export interface VolunteerApplicationRecord {
  id: string
  userId: string
  communityId: string
  name: string
  phone: string | null
  gridId: string | null
  gridName: string | null
  skills: string | null
  availability: string | null
  status: ApplicationStatus
  reason: string | null
  createdAt: string
  reviewedAt: string | null
}

export interface NewVolunteerApplication {
  id: string
  userId: string
  communityId: string
  skills: string | null
  availability: string | null
  createdAt: string
}

export type VolunteerApplyOutcome =
  | { kind: 'created'; application: VolunteerApplicationRecord }
  | { kind: 'alreadyVolunteer' }
  | { kind: 'alreadyPending' }
  /** the same requestId again: the application the first call made */
  | { kind: 'replayed'; application: VolunteerApplicationRecord }
  | { kind: 'keyReused' }

export type VolunteerReviewOutcome =
  | { kind: 'done'; application: VolunteerApplicationRecord }
  | { kind: 'alreadyDecided' }

export interface VolunteerApplicationRepo {
  get(id: string): Promise<VolunteerApplicationRecord | null>
  latestOf(userId: string): Promise<VolunteerApplicationRecord | null>
  list(
    communityId: string,
    opts: { status?: ApplicationStatus; limit: number; after: SeqCursor | null },
  ): Promise<{ record: VolunteerApplicationRecord; seq: number }[]>
  /**
   * One IMMEDIATE transaction: the same requestId again returns the first application; refuses a volunteer
   * or a second pending application, else inserts (and stores the idempotency row).
   */
  apply(app: NewVolunteerApplication, idem: IdempotencyKey | null): Promise<VolunteerApplyOutcome>
  /** Conditional UPDATE … WHERE status = 'pending' + role 'volunteer' on approval + audit, one transaction. */
  review(id: string, decision: ReviewDecision, audit: AuditEntry): Promise<VolunteerReviewOutcome>
}

// ---------- what this feature's use cases receive ----------

/** The repositories the volunteers use cases use (hours and the board are read from the shifts). */
export interface VolunteersStore {
  volunteerApplications: VolunteerApplicationRepo
  communities: CommunityRepo
  shifts: ShiftRepo
  callouts: CalloutRepo
}

export type Deps = shared.Deps<VolunteersStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
