/** Contacts' storage (issue 17, 党员干部联系户): cadres, one contact per household, contact logs, 代为上报. */
import type { CadreTitle, ContactKind } from '@/domain/contacts'
import type { NewMessage } from '../messages'
import type { NewReport, ReportsStore } from '../reports'
import type { HouseholdRepo } from '../residents'
import type * as shared from '../shared/context'
import type { AuditEntry, FileUrls, IdempotencyKey } from '../shared/ports'

export interface CadreRecord {
  userId: string
  communityId: string
  name: string
  phone: string | null
  title: CadreTitle
  publishPhone: boolean
  publicNote: string | null
  /** households assigned to them */
  households: number
  /** their latest logged contact (null: none) */
  lastLogAt: string | null
  createdAt: string
  updatedAt: string
}

export interface NewCadre {
  userId: string
  communityId: string
  title: CadreTitle
  publishPhone: boolean
  publicNote: string | null
  at: string
}

export interface NewAssignment {
  householdId: string
  cadreId: string
  communityId: string
  assignedBy: string
  at: string
}

export type AssignOutcome =
  | { kind: 'assigned'; previousCadreId: string | null }
  /** the household already had this contact: nothing written */
  | { kind: 'unchanged' }
  /** the cadre is not (or no longer) a cadre of the community */
  | { kind: 'notCadre' }
  /** the cadre already has MAX_HOUSEHOLDS_PER_CADRE households */
  | { kind: 'full' }

export interface NewContactLog {
  id: string
  householdId: string
  cadreId: string
  communityId: string
  kind: ContactKind
  at: string
  note: string
  createdAt: string
}

export interface ContactLogRecord {
  id: string
  householdId: string
  cadreId: string
  cadreName: string
  kind: ContactKind
  at: string
  note: string
  createdAt: string
}

export type LogOutcome =
  | { kind: 'logged'; log: ContactLogRecord }
  /** the same requestId again: the log the first call made */
  | { kind: 'replayed'; log: ContactLogRecord }
  | { kind: 'keyReused' }
  /** the caller is not the household's contact (now): nothing written */
  | { kind: 'notContact' }

/** What a household's residents may see of their contact (the use case drops what is not published). */
export interface HouseholdContactRecord {
  cadreId: string
  name: string
  phone: string | null
  title: CadreTitle
  publishPhone: boolean
  publicNote: string | null
}

export interface HouseholdRow {
  householdId: string
  building: string
  unit: string
  room: string
  headName: string
  gridName: string
}

export interface CadreHouseholdRecord extends HouseholdRow {
  lastContactAt: string | null
  lastKind: ContactKind | null
}

export interface OverviewRecord {
  cadres: CadreRecord[]
  /** the first `limit` households without a contact, roster order */
  uncovered: HouseholdRow[]
  uncoveredTotal: number
}

/** A report to raise (report.create's row, photos, message and retry key: its PreparedReport). */
export interface RaiseReport {
  report: NewReport
  photoIds: string[]
  messages: NewMessage[]
  key: IdempotencyKey | null
}

export interface OnBehalf {
  householdId: string
  raisedBy: string
  /** the note of the report's 'create' event, which its timeline shows (代为上报) */
  note: string
}

export type RaiseOutcome =
  | { kind: 'created'; reportId: string }
  | { kind: 'replayed'; reportId: string }
  | { kind: 'keyReused' }
  | { kind: 'badPhotos' }
  | { kind: 'notContact' }

export interface ContactRepo {
  cadre(userId: string): Promise<CadreRecord | null>
  /**
   * Upserts the cadre attribute (title, what they publish) with its audit entry, in one transaction. A person who
   * was a cadre of another community (they moved) loses those households: the attribute now belongs to this one.
   */
  setCadre(c: NewCadre, audit: AuditEntry): Promise<CadreRecord>
  /**
   * Removes the attribute and all their assignments (the households become uncovered; logs are kept) with its audit
   * entry, in one transaction. `removed: false` when they were not a cadre of the community.
   */
  removeCadre(userId: string, communityId: string, audit: AuditEntry): Promise<{ removed: boolean; households: number }>
  /**
   * One transaction: the household gets exactly one contact (its primary key), replacing any other; the new cadre's
   * count goes up by a conditional UPDATE that refuses beyond MAX_HOUSEHOLDS_PER_CADRE, the previous one's down; the
   * audit entry. Two assigns of one household at once: one after the other, one contact in the end.
   */
  assign(a: NewAssignment, audit: AuditEntry): Promise<AssignOutcome>
  /** The household's contact now (null: none). */
  assignmentOf(householdId: string): Promise<{ cadreId: string; communityId: string } | null>
  /**
   * One transaction: the retry key first (a repeat gets the first log), then the log inserted only while the caller
   * is the household's contact (INSERT … SELECT … WHERE EXISTS), else notContact with nothing written.
   */
  log(entry: NewContactLog, key: IdempotencyKey | null): Promise<LogOutcome>
  contactOf(householdId: string): Promise<HouseholdContactRecord | null>
  /** The cadre's households with their last logged contact. */
  householdsOf(cadreId: string): Promise<CadreHouseholdRecord[]>
  /** The community's cadres with their last log, and its households without a contact. */
  overview(communityId: string, limit: number): Promise<OverviewRecord>
  /** The household's latest logs, newest first. */
  history(householdId: string, limit: number): Promise<ContactLogRecord[]>
  /**
   * 代为上报: report.create's statements (retry key, photos, report, event, messages) in one transaction with the
   * check that raisedBy is the household's contact; the report marked with the household and who raised it, its
   * 'create' event given the note. Not the contact: nothing written.
   */
  raise(report: RaiseReport, onBehalf: OnBehalf): Promise<RaiseOutcome>
}

// ---------- what this feature's use cases receive ----------

/** The repositories of the contacts use cases (代为上报 goes through report.create's own preparation: its store too). */
export interface ContactsStore extends ReportsStore {
  contacts: ContactRepo
  households: HouseholdRepo
}

export interface Deps extends shared.Deps<ContactsStore> {
  /** report.create's preparation takes the reports' deps */
  fileUrls: FileUrls
}
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
