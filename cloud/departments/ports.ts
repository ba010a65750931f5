/** 联动's storage (issue 17): departments and their staff; dispatches are written with the report (reports' change). */
import type { ReportCategory } from '@/domain/reports'
import type { Deps as ReportsDeps, ReportsStore } from '../reports'
import type * as shared from '../shared/context'
import type { AuditEntry, IdempotencyKey } from '../shared/ports'

export interface DepartmentRecord {
  id: string
  seq: number
  name: string
  /** exactly one of the two: the street or the district it serves */
  streetId: string | null
  districtId: string | null
  /** the street's or district's name */
  areaName: string
  /** the district above its street (its own district when it serves one); null when the street is under none */
  parentDistrictId: string | null
  cityId: string | null
  categories: ReportCategory[]
  createdAt: string
  /** its staff, by name */
  members: { id: string; name: string }[]
}

export type NewDepartment = Pick<DepartmentRecord, 'id' | 'name' | 'streetId' | 'districtId' | 'categories' | 'createdAt'> & {
  createdBy: string
}

export type DepartmentCreateOutcome =
  | { kind: 'created'; department: DepartmentRecord }
  | { kind: 'replayed'; department: DepartmentRecord }
  | { kind: 'keyReused' }
  /** the area has a department of that name already */
  | { kind: 'nameTaken' }

/** The departments serving an area: a street (with its district's), a district (with its streets'), a city. */
export type DepartmentArea = { streetId: string; districtId: string | null } | { districtId: string } | { cityId: string }

export interface DepartmentCounts {
  dispatched: number
  onTime: number
  late: number
  returned: number
  open: number
  overdueNow: number
  /** (交办, 办结) of its resolved dispatches, the latest first (at most 1000) */
  resolvedSpans: { from: string; to: string }[]
}

export type MemberOutcome =
  | { kind: 'done'; department: DepartmentRecord }
  /** the person is staff of another department already */
  | { kind: 'elsewhere' }
  /** the person is not a member (remove) */
  | { kind: 'notMember' }

/** A person department.addMember would accept (the phone in full: the use case cuts it to its tail). */
export interface CandidateRecord {
  id: string
  name: string
  phone: string | null
  communityName: string
}

export interface DepartmentRepo {
  /** One transaction: the retry key, then the row (UNIQUE name per area → nameTaken, nothing written), the audit entry. */
  create(d: NewDepartment, audit: AuditEntry, idem: IdempotencyKey | null): Promise<DepartmentCreateOutcome>
  get(id: string): Promise<DepartmentRecord | null>
  /** A street with the district and city above it (null where none), or null when there is no such street. */
  street(id: string): Promise<{ id: string; districtId: string | null; cityId: string | null } | null>
  district(id: string): Promise<{ id: string; cityId: string } | null>
  list(area: DepartmentArea): Promise<DepartmentRecord[]>
  counts(ids: string[], now: string): Promise<Map<string, DepartmentCounts>>
  /**
   * One transaction: the membership inserted on its primary key (user_id: one department per person; a member of
   * another → elsewhere, nothing written; of this one → done, unchanged), the `department` role, the audit entry.
   */
  addMember(departmentId: string, userId: string, at: string, audit: AuditEntry): Promise<MemberOutcome>
  /**
   * The people addMember would accept for a department serving `area` (its street, or every street of its
   * district): a community of that area, signed in (not roster-only), no staff role, no department's member; whose
   * name contains `query`, or whose phone contains it when it is 3 or more digits. By name, then id; at most `limit`.
   */
  candidates(area: { streetId: string | null; districtId: string | null }, query: string, limit: number): Promise<CandidateRecord[]>
  /** One transaction: the membership deleted with the `department` role and the audit entry (none → notMember). */
  removeMember(departmentId: string, userId: string, audit: AuditEntry): Promise<MemberOutcome>
  /** The department's live dispatches by its deadline, then report seq; keyset after (dueAt, seq). */
  queue(departmentId: string, after: { dueAt: string; seq: number } | null, limit: number): Promise<{ reportId: string; dueAt: string; seq: number }[]>
}

// ---------- what this feature's use cases receive ----------

export interface DepartmentsStore extends ReportsStore {
  departments: DepartmentRepo
}

export interface Deps extends Omit<ReportsDeps, 'store'> {
  store: DepartmentsStore
}
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
