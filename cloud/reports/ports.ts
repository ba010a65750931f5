/** Reports' storage (随手拍, issue 4). Every concurrency-sensitive write is ONE method, atomic in the adapter. */
import type { PointsRepo } from '../points'
import type {
  MediationKind,
  MediationOutcome,
  ReportCategory,
  ReportLevel,
  ReportStatus,
  ReportVisibility,
} from '@/domain/reports'
import type { CoordSystem } from '@/domain/shared/geo'
import type { Role } from '@/domain/shared/roles'
import type { NewMessage } from '../messages'
import type * as shared from '../shared/context'
import type { AuditEntry, CommunityRepo, FileUrls, IdempotencyKey, UserRepo } from '../shared/ports'

export type Moderation = 'clean' | 'review'

/** A report row with the names the views need (grid, reporter, assignee) and its cover photo. */
export interface ReportRecord {
  seq: number
  id: string
  communityId: string
  streetId: string
  /** the district and city of its street when it was reported (null: the street was under none) */
  districtId: string | null
  cityId: string | null
  gridId: string
  gridName: string
  /** the grid's published service phone (网格服务电话), if its committee set one */
  gridPhone: string | null
  reporterId: string
  reporterName: string
  reporterPhone: string | null
  category: ReportCategory
  description: string
  latitude: number | null
  longitude: number | null
  address: string | null
  coordSource: CoordSystem | null
  anonymous: boolean
  visibility: ReportVisibility
  moderation: Moderation
  status: ReportStatus
  level: ReportLevel
  maxLevel: ReportLevel
  assigneeId: string | null
  assigneeName: string | null
  acceptBy: string
  resolveBy: string
  dueAt: string | null
  supporters: number
  reopenCount: number
  acceptedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  rating: number | null
  ratingComment: string | null
  ratedAt: string | null
  createdAt: string
  updatedAt: string
  version: number
  /** the first of the report's own photos (a file id) */
  cover: string | null
  /** its live dispatch to a functional department (交办: pending or accepted); null/absent when none */
  dispatch?: ReportDispatchInfo | null
}

/**
 * What a list shows of a report (ReportSummary) and what deciding the viewer's access needs (accessOf): a list
 * reads these columns only, not the whole row with the assignee's and the dispatch's names.
 */
export type ReportListItem = Pick<
  ReportRecord,
  | 'seq' | 'id' | 'communityId' | 'streetId' | 'districtId' | 'cityId' | 'gridId' | 'gridName' | 'reporterId'
  | 'reporterName' | 'category' | 'description' | 'address' | 'anonymous' | 'visibility' | 'moderation' | 'status'
  | 'level' | 'acceptBy' | 'resolveBy' | 'dueAt' | 'supporters' | 'resolvedAt' | 'rating' | 'createdAt' | 'cover'
> & {
  /** the department of its live dispatch (a handler of it sees it); absent when none */
  dispatch?: Pick<ReportDispatchInfo, 'departmentId'> | null
}

/** A dispatch's life: 待受理 → 已受理 → 已办结, or 退回 (wrong department), or cancelled (the reporter withdrew). */
export type DispatchStatus = 'pending' | 'accepted' | 'returned' | 'resolved' | 'cancelled'
export const LIVE_DISPATCH: readonly DispatchStatus[] = ['pending', 'accepted']

/** The live dispatch of a report, as its row reads it. */
export interface ReportDispatchInfo {
  id: string
  departmentId: string
  departmentName: string
  status: DispatchStatus
  /** the level that dispatched it */
  level: ReportLevel
  dispatchedAt: string
  days: number
  /** the department's own deadline (办结 within `days` working days) */
  dueAt: string
}

/**
 * What a change does to the report's dispatch, in the same transaction as its conditional UPDATE. open: insert a
 * live dispatch (a live one exists already → conflict, nothing written); step: move the live dispatch `id` from
 * one of `from` to `to` (it moved already → conflict); supervise: count a 督办.
 */
export type DispatchWrite =
  | { kind: 'open'; id: string; departmentId: string; level: ReportLevel; by: string; days: number; dueAt: string }
  | { kind: 'step'; id: string; from: readonly DispatchStatus[]; to: DispatchStatus; reason?: string | null }
  | { kind: 'supervise'; id: string }

/** A report to create: what the reporter and the routing decide; the store sets the rest. */
export type NewReport = Pick<
  ReportRecord,
  | 'id'
  | 'communityId'
  | 'streetId'
  | 'districtId'
  | 'cityId'
  | 'gridId'
  | 'reporterId'
  | 'category'
  | 'description'
  | 'latitude'
  | 'longitude'
  | 'address'
  | 'coordSource'
  | 'anonymous'
  | 'visibility'
  | 'moderation'
  | 'assigneeId'
  | 'acceptBy'
  | 'resolveBy'
  | 'createdAt'
> & {
  /** the content check could not answer: held (moderation 'review') and queued for the recheck sweep */
  unchecked?: boolean
}

export interface ReportEventRecord {
  id: number
  at: string
  actorId: string | null
  actorName: string | null
  actorRoles: Role[]
  /** the functional department the step was taken for (its name shows instead of the person's) */
  departmentName?: string | null
  action: string
  note: string | null
  status: ReportStatus
  level: ReportLevel
  toUserId: string | null
  photoIds: string[]
}

export interface MediationRecord {
  kind: MediationKind
  parties: { name: string; role: string | null }[]
  outcome: MediationOutcome | null
  agreement: string | null
  updatedAt: string
  sessions: { date: string; note: string; recordedById: string; recordedByName: string; recordedByRoles: Role[] }[]
}

export interface ReportDetailRecord {
  report: ReportRecord
  photoIds: string[]
  /** photos of the report and its steps that other residents may not see (WeChat's image check has not passed), with their uploader */
  heldPhotos: { id: string; ownerId: string }[]
  events: ReportEventRecord[]
  mediation: MediationRecord | null
  supportedByMe: boolean
}

/** The event a change writes on the timeline. */
export interface NewReportEvent {
  actorId: string | null
  /** the functional department the actor acted for */
  departmentId?: string | null
  action: string
  note: string | null
  toUserId: string | null
}

/** The mutable columns of a report after a change (the use case computes them from the record it read). */
export type ReportPatch = Pick<
  ReportRecord,
  | 'status'
  | 'level'
  | 'maxLevel'
  | 'gridId'
  | 'assigneeId'
  | 'category'
  | 'description'
  | 'anonymous'
  | 'visibility'
  | 'moderation'
  | 'acceptBy'
  | 'resolveBy'
  | 'reopenCount'
  | 'acceptedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'rating'
  | 'ratingComment'
  | 'ratedAt'
>

export interface ReportChange {
  id: string
  /** the version read: the UPDATE is conditional on it (a lost race changes nothing) */
  version: number
  patch: ReportPatch
  at: string
  event: NewReportEvent
  /** photos to attach to the event (each must be the actor's own unattached file) */
  eventPhotoIds: string[]
  /** replaces the report's own photos (edit); undefined keeps them */
  reportPhotoIds?: string[]
  /** whose files the photos must be */
  photoOwnerId: string
  messages: NewMessage[]
  mediation?: {
    kind: MediationKind
    parties: { name: string; role: string | null }[]
    outcome: MediationOutcome | null
    agreement: string | null
    session: { date: string; note: string } | null
  }
  audit?: AuditEntry
  /** the retry key of the write: checked and stored inside the change's transaction (null/absent: none) */
  idem?: IdempotencyKey | null
  /**
   * The text was checked again (an edit): 'queue' — the check could not answer, the report waits for the recheck
   * sweep; 'drop' — the new text has its verdict, any queued recheck is dropped. Absent: the queue is untouched.
   */
  recheck?: 'queue' | 'drop'
  /** the report's dispatch (交办) changed with it */
  dispatch?: DispatchWrite
}

/** A held report waiting for its text to be checked again (the check was unavailable when it was written). */
export interface ReportRecheck {
  reportId: string
  queuedAt: string
  attempts: number
}

/** What the recheck sweep decided: release (pass), keep held for good (review/risky, or gave up), try again later. */
export type RecheckOutcome = { kind: 'release' } | { kind: 'keepHeld' } | { kind: 'retry'; nextAt: string }

export type ReportCreateOutcome =
  | { kind: 'created'; report: ReportRecord }
  | { kind: 'replayed'; report: ReportRecord }
  | { kind: 'keyReused' }
  | { kind: 'badPhotos' }

/**
 * report.create's answer from the store: the new (or replayed) report with all its view shows, read once after
 * the insert (the use case builds the reply from it, with no second read).
 */
export type ReportCreateReply =
  | { kind: 'created' | 'replayed'; detail: ReportDetailRecord }
  | { kind: 'keyReused' }
  | { kind: 'badPhotos' }

export type ReportChangeOutcome =
  | { kind: 'done'; report: ReportRecord }
  /** the same key was applied before: nothing written, the report as it is now */
  | { kind: 'replayed'; report: ReportRecord }
  | { kind: 'keyReused' }
  | { kind: 'conflict' }
  | { kind: 'badPhotos' }

export type ReportSupportOutcome =
  | { kind: 'done'; supporters: number; added: boolean }
  /** the same key was applied before: nothing written, the supporters as they are now */
  | { kind: 'replayed'; supporters: number }
  | { kind: 'keyReused' }
  /** not public and open (anymore) */
  | { kind: 'closed' }

/** Keyset of report lists: newest first by seq, or the queue's (dueAt, seq). */
export type ReportCursor = { seq: number } | { dueAt: string; seq: number }

export type ReportListQuery =
  /** `open`: only 待受理 / 退回补充 / 处理中 */
  | { kind: 'mine'; reporterId: string; open?: boolean }
  | { kind: 'public'; communityId: string; category?: ReportCategory }
  /**
   * open reports waiting for the handler (submitted/accepted; returned waits for the resident) by deadline;
   * `status` and `overdueAt` (overdue at this time) narrow it
   */
  | ({ kind: 'queue'; status?: ReportStatus; overdueAt?: string } & (
      | { level: 'grid'; gridIds: string[] }
      | { level: 'community'; communityId: string; gridId?: string }
      | { level: 'street'; streetId: string; gridId?: string }
      | { level: 'district'; districtId: string; gridId?: string }
      | { level: 'city'; cityId: string; gridId?: string }
    ))
  | {
      kind: 'area'
      /** exactly one of the four: the area read with everything below it */
      communityId?: string
      streetId?: string
      districtId?: string
      cityId?: string
      status?: ReportStatus
      gridId?: string
      category?: ReportCategory
      /** overdue at this time */
      overdueAt?: string
      /** created at or after this instant (总览's period) */
      createdFrom?: string
      /** created before this instant */
      createdTo?: string
    }

/** A community, or a street, district or city with everything below it. */
export type ReportArea = { communityId: string } | { streetId: string } | { districtId: string } | { cityId: string }

/** Where a report sits, from its grid to its city. */
export type ReportPlace = Pick<ReportRecord, 'gridId' | 'communityId' | 'streetId' | 'districtId' | 'cityId'>

export interface ReportUnitCount {
  id: string
  name: string
  total: number
  open: number
  overdue: number
}

export interface ReportCounts {
  byStatus: { status: ReportStatus; n: number }[]
  byCategory: { category: ReportCategory; n: number }[]
  /** a community's or street's grids, a district's streets, a city's districts */
  byUnit: ReportUnitCount[]
  overdue: number
  disputesSettled: number
  disputesSettledLocally: number
}

export interface ReportRepo {
  /**
   * One IMMEDIATE transaction: the same requestId again returns the first report (another input: keyReused);
   * every photo must be the reporter's own file attached to no report (UNIQUE file_id) else badPhotos and
   * nothing written; inserts the report, its photos, the 'create' event, the messages, the idempotency row.
   */
  create(report: NewReport, photoIds: string[], messages: NewMessage[], idem: IdempotencyKey | null): Promise<ReportCreateReply>
  get(id: string): Promise<ReportRecord | null>
  detail(id: string, viewerId: string): Promise<ReportDetailRecord | null>
  /** Open, public, clean reports of the category in the community inside the box (indexed pre-filter). */
  nearby(
    communityId: string,
    category: ReportCategory,
    box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  ): Promise<ReportRecord[]>
  /**
   * Idempotent per user; only while the report is public and open ('closed' when it is not (anymore)). The
   * retry key is checked first and stored with the support in one IMMEDIATE transaction (not when closed).
   */
  support(id: string, userId: string, at: string, idem: IdempotencyKey | null): Promise<ReportSupportOutcome>
  list(query: ReportListQuery, opts: { limit: number; after: ReportCursor | null }): Promise<ReportListItem[]>
  /** How many rows the list of this query holds (all its pages): the figure shown beside a link to it. */
  count(query: ReportListQuery): Promise<number>
  /**
   * Conditional UPDATE on the version + event + photos + messages (+ mediation, audit) in one IMMEDIATE
   * transaction; with a retry key, checked first inside it (the same key again: replayed, nothing written;
   * another input: keyReused) and stored with the change (a conflict or bad photos store nothing).
   */
  change(change: ReportChange): Promise<ReportChangeOutcome>
  /**
   * A read of the retry key before the use case decides (a retried 受理 would otherwise meet 处理中): new,
   * replayed (applied before) or keyReused (applied before with another input). change/support check again.
   */
  keyState(idem: IdempotencyKey): Promise<'new' | 'replayed' | 'keyReused'>
  /** The staff who handle a report at its level: grid → its 网格员, community → 社区, street/district/city → that tier's staff. */
  handlersOf(level: ReportLevel, report: ReportPlace): Promise<string[]>
  /** The 网格员 of a grid, lowest id first. */
  workersOf(gridId: string): Promise<string[]>
  /** The staff of a functional department (交办 is told to them), lowest id first. */
  departmentMembers(departmentId: string): Promise<string[]>
  /**
   * Closes every report of the area resolved before `before` (status resolved → closed, event 'autoClose'
   * with no actor, a message to the reporter) as conditional UPDATEs; returns the messages it wrote (for the
   * other channels, after the commit).
   */
  autoClose(area: ReportArea, before: string, at: string, newId: () => string): Promise<NewMessage[]>
  counts(area: ReportArea, opts: { gridId?: string; now: string }): Promise<ReportCounts>
  /** The community's configured days (categories not configured are absent). */
  deadlines(communityId: string): Promise<Partial<Record<ReportCategory, number>>>
  setDeadlines(communityId: string, days: Partial<Record<ReportCategory, number>>, audit: AuditEntry): Promise<void>
  /** Held reports due for another content check (next try at or before `now`), longest waiting first. */
  dueRechecks(now: string, limit: number): Promise<ReportRecheck[]>
  /**
   * The sweep's outcome for one queued report, in one transaction. release: moderation → 'clean' (version + 1)
   * and the queue row dropped, only while the report is still at `version` and still queued (an edit or any
   * change in between: nothing written, false; the next sweep reads it again); keepHeld: the row dropped, the
   * report stays 'review'; retry: attempts + 1 and the next try at `nextAt`.
   */
  settleRecheck(reportId: string, version: number, outcome: RecheckOutcome): Promise<boolean>
}

// ---------- what this feature's use cases receive ----------

/** The repositories the reports use cases use. */
export interface ReportsStore {
  reports: ReportRepo
  communities: CommunityRepo
  users: UserRepo
  /** 积分制: an accepted report earns its reporter points (issue 18) */
  points: PointsRepo
}

export interface Deps extends shared.Deps<ReportsStore> {
  /** signed, short-lived photo addresses in the views */
  fileUrls: FileUrls
}
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
