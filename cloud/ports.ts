/**
 * Ports: what the use cases need from the outside world. Adapters (cloud/adapters/*) implement them.
 *
 * Rule (DESIGN §3): every write that must hold under concurrency is ONE method here, made atomic by the
 * adapter (transaction + UNIQUE / ON CONFLICT / conditional UPDATE). Use cases never read-then-write.
 * Methods are async so that a remote store (CloudBase) can implement the same interface.
 */
import type { Role } from '@/domain/shared/roles'
import type { NoticeCategory } from '@/domain/notices'
import type { ApplicationStatus, Relation } from '@/domain/residents'
import type { MediationKind, MediationOutcome, ReportCategory, ReportLevel, ReportStatus, ReportVisibility } from '@/domain/reports'
import type { CoordSystem } from '@/domain/shared/geo'
import type { MessageKind, MessageTarget } from '@/domain/messages'
import type { MotionKind, MotionOutcomeView, MotionStatus } from '@/domain/motions'
import type { Eligibility, TallyBase } from '@/domain/motions/tally'
import type { ShiftRepo } from './shifts/ports'

export interface Clock {
  now(): Date
}

export interface Ids {
  newId(): string
}

export type ContentSuggest = 'pass' | 'review' | 'risky'

export interface ContentCheck {
  check(texts: string[], ctx: { userId: string; scene: 'notice' | 'comment' | 'profile' }): Promise<{ suggest: ContentSuggest; label?: string }>
}

/** code2Session of WeChat: a login code → the user's openid. */
export interface WechatAuth {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>
}

/** WeChat's 手机号快速验证: the code of a getPhoneNumber button → the number (getuserphonenumber). */
export interface WechatPhone {
  phoneNumber(code: string): Promise<string>
}

// ---------- records ----------

export interface GridRecord {
  id: string
  communityId: string
  name: string
  /** [[latitude, longitude], ...] in GCJ-02; null when no boundary was drawn */
  boundary: [number, number][] | null
}

export interface CommunityRecord {
  id: string
  name: string
  streetId: string
  streetName: string
  grids: { id: string; name: string }[]
}

export interface UserRecord {
  id: string
  name: string
  phone: string | null
  openid: string | null
  roles: Role[]
  communityId: string | null
  communityName: string | null
  streetId: string | null
  gridId: string | null
  gridName: string | null
  householdId: string | null
  verified: boolean
  /** registered by the committee for someone without a smartphone (no openid, never signs in) */
  rosterOnly: boolean
  /** grids a grid worker is responsible for */
  grids: { id: string; name: string }[]
  createdAt: string
}

export interface NewUser {
  id: string
  name: string
  phone?: string | null
  openid?: string | null
  roles: Role[]
  communityId: string | null
  gridId: string | null
  householdId: string | null
  verified: boolean
  workerGridIds: string[]
  rosterOnly?: boolean
  createdAt: string
}

export interface NoticeRecord {
  id: string
  communityId: string
  authorId: string
  authorName: string
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  important: boolean
  /** null = whole community */
  gridIds: string[] | null
  publishAt: string
  expireAt: string | null
  withdrawnAt: string | null
  createdAt: string
}

export interface NewNotice {
  id: string
  communityId: string
  authorId: string
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  important: boolean
  gridIds: string[] | null
  publishAt: string
  expireAt: string | null
  createdAt: string
}

export interface NoticeReadRecord {
  readAt: string
  confirmedAt: string | null
}

/** A notice as lists see it: `body` holds only its start (enough for an excerpt); bodyCut says it was cut. */
export interface NoticeListItem extends NoticeRecord {
  bodyCut: boolean
  read: boolean
  confirmed: boolean
}

/** Which notices a caller may list. */
export type NoticeAudience =
  /** residents, volunteers, grid workers: live notices addressed to the whole community or to one of these grids */
  | { kind: 'member'; communityId: string; gridIds: string[] }
  /** committee and street: every notice of the community that is not withdrawn */
  | { kind: 'staff'; communityId: string }

export interface NoticeCursor {
  pinned: boolean
  publishAt: string
  id: string
}

export interface NoticeStatsRecord {
  audience: number
  read: number
  confirmed: number
  byGrid: { gridId: string; gridName: string; audience: number; read: number; confirmed: number }[]
}

export interface AuditEntry {
  at: string
  actorId: string
  action: string
  targetType: string
  targetId: string
  communityId: string | null
  detail?: Record<string, unknown>
}

export interface AuditRecord extends AuditEntry {
  id: number
}

/** (user, action, requestId) → the first result, so that a retried create is one record. */
export interface IdempotencyKey {
  userId: string
  action: string
  requestId: string
  /** digest of the input; the same requestId with another input is a CONFLICT */
  fingerprint: string
}

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

/** Keyset of the newest-first application lists (insertion order). */
export type SeqCursor = number

export interface MemberCursor {
  name: string
  id: string
}

export type RegisterOutcome =
  | { kind: 'created'; user: UserRecord }
  | { kind: 'replayed'; user: UserRecord }
  | { kind: 'keyReused' }
  /** someone of that name is already bound to the household */
  | { kind: 'duplicateName' }

// ---------- repositories ----------

export interface UserRepo {
  get(id: string): Promise<UserRecord | null>
  /** Inserts the user with roles, worker grids, household in one transaction. */
  create(user: NewUser): Promise<UserRecord>
  /** Atomic find-or-create by openid (UNIQUE openid); `created` tells which happened. */
  findOrCreateByOpenid(openid: string, candidate: NewUser): Promise<{ user: UserRecord; created: boolean }>
  count(): Promise<number>
  /** `verified`: the number came from WeChat's 手机号快速验证 (a typed one is not) */
  setPhone(id: string, phone: string, verified?: boolean): Promise<UserRecord | null>
  /** People of a community, by name then id; `query` matches name or phone digits. */
  list(
    communityId: string,
    opts: { role?: Role; query?: string; limit: number; after: MemberCursor | null },
  ): Promise<UserRecord[]>
  /**
   * A roster-only resident (no openid) inserted with its audit entry and idempotency row in one transaction;
   * the same requestId again returns the user the first call made; a conditional insert refuses a second
   * person of the same name (spaces ignored) in the household.
   */
  register(user: NewUser, audit: AuditEntry, idem: IdempotencyKey | null): Promise<RegisterOutcome>
  /**
   * Sets the user's worker grids to exactly `gridIds` and the gridWorker role to `gridIds.length > 0`,
   * in one transaction; writes the audit entry only when something changed (`changed` says which).
   */
  assignGrids(userId: string, gridIds: string[], audit: AuditEntry): Promise<{ user: UserRecord; changed: boolean }>
}

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

export interface CommunityRepo {
  get(id: string): Promise<CommunityRecord | null>
  /** The first community in seed order (the demo community). */
  first(): Promise<CommunityRecord | null>
  grid(id: string): Promise<GridRecord | null>
  /** The community's grids with their boundaries, in seed order. */
  grids(communityId: string): Promise<GridRecord[]>
  /** A household of the grid for demo residents, or null when the grid has none. */
  pickHousehold(gridId: string): Promise<string | null>
}

export type PublishOutcome =
  | { kind: 'created'; notice: NoticeRecord }
  | { kind: 'replayed'; notice: NoticeRecord }
  | { kind: 'keyReused' }

export interface NoticeRepo {
  /** Insert notice + scope rows + audit entry + idempotency row in one transaction. */
  publish(notice: NewNotice, audit: AuditEntry, idem: IdempotencyKey | null): Promise<PublishOutcome>
  get(id: string): Promise<NoticeRecord | null>
  list(
    audience: NoticeAudience,
    opts: { viewerId: string; now: string; limit: number; after: NoticeCursor | null },
  ): Promise<NoticeListItem[]>
  /** How many live notices the audience's list holds that the viewer has not opened. */
  countUnread(audience: NoticeAudience, opts: { viewerId: string; now: string }): Promise<number>
  readOf(noticeId: string, userId: string): Promise<NoticeReadRecord | null>
  /** Records the first read (later reads keep the first time). */
  markRead(noticeId: string, userId: string, at: string): Promise<NoticeReadRecord>
  /**
   * Confirms once: the first call sets confirmedAt, every later or concurrent call returns that same time.
   * Returns null when the notice is not live at `at` (withdrawn meanwhile, expired, not yet published).
   */
  confirm(noticeId: string, userId: string, at: string): Promise<NoticeReadRecord | null>
  stats(noticeId: string): Promise<NoticeStatsRecord>
  /** Conditional update (only if not yet withdrawn) + audit entry; null when it was already withdrawn. */
  withdraw(noticeId: string, at: string, audit: AuditEntry): Promise<{ withdrawnAt: string } | null>
}

export interface AuditRepo {
  list(opts: { targetId?: string; limit: number }): Promise<AuditRecord[]>
}

export interface SettingsRepo {
  get(key: string): Promise<string | null>
  /** Stores the value unless the key exists; returns the value that is stored (race-safe across processes). */
  getOrSet(key: string, value: string): Promise<string>
}

export interface Store {
  users: UserRepo
  communities: CommunityRepo
  notices: NoticeRepo
  households: HouseholdRepo
  residentApplications: ResidentApplicationRepo
  volunteerApplications: VolunteerApplicationRepo
  audit: AuditRepo
  settings: SettingsRepo
  reports: ReportRepo
  messages: MessageRepo
  /** uploaded photos (issue 4) */
  files: FileRepo
  /** motions, ballots, community rules (issue 5) */
  motions: MotionRepo
  /** patrol shifts, signups, attendance, logs (issue 6): cloud/shifts/ports.ts */
  shifts: ShiftRepo
  /** the reminders ledger (vote closing, patrol shifts) */
  reminders: ReminderRepo
  /** Throws when the store cannot answer (health check). */
  ping(): Promise<void>
  close(): void
}

// ---------- files (photos), issue 4 ----------

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp'

export interface FileRecord {
  id: string
  ownerId: string
  mime: ImageMime
  bytes: number
  width: number
  height: number
  sha256: string
  /** where the blob lives: a key of the BlobStorage (or a cloud file id) */
  path: string
  createdAt: string
}

export interface FileRepo {
  create(file: FileRecord): Promise<FileRecord>
  /**
   * Stores the file only while its owner holds fewer than `max` unattached files created at or after
   * `since` (count and insert in one write transaction); null, and nothing stored, when the cap is reached.
   */
  createWithinCap(file: FileRecord, cap: { max: number; since: string }): Promise<FileRecord | null>
  get(id: string): Promise<FileRecord | null>
  /** The report a file is attached to (as the report's photo or a step's), null when unattached. */
  reportOf(fileId: string): Promise<string | null>
  /** Unattached files created before `before`, oldest first, after the cursor (created_at, id) when given. */
  listUnattached(before: string, limit: number, after?: { createdAt: string; id: string }): Promise<FileRecord[]>
  /** Deletes the row only if it is still unattached and created before `before`; true when deleted. */
  deleteIfUnattached(id: string, before: string): Promise<boolean>
}

/** Where uploaded bytes live: a folder on the self-hosted server, cloud storage on WeChat cloud. */
/** What a blob store holds: a blob under its key, or the leftover of a write that never finished (a temp file). */
export interface BlobEntry {
  /** the blob's key; for a leftover, its path in the store */
  key: string
  leftover: boolean
  modifiedAt: Date
}

export interface BlobStorage {
  put(key: string, bytes: Buffer): Promise<void>
  read(key: string): Promise<Buffer | null>
  /** Removes the blob; a key that is already gone is not an error. */
  remove(key: string): Promise<void>
  /** Everything in the store (for the sweep to reconcile it with the rows); stores that cannot list omit it. */
  list?(): AsyncIterable<BlobEntry>
  /** Removes a leftover that list() gave. */
  removeLeftover?(key: string): Promise<void>
}

/** Short-lived signed addresses of photos: only who may see a report gets its photos' URLs. */
export interface FileUrls {
  /**
   * a path like /files/<id>?e=<expiry>&s=<signature>, relative to the API's origin; `scope` is who the photo may
   * be shown to now (its report's audience): the URL serves only while the scope at read is the same
   */
  sign(fileId: string, scope?: string): string
  /** true when the signature is the server's for this file and scope, and not expired */
  verify(fileId: string, expires: string, signature: string, scope?: string): boolean
}

/**
 * A channel beyond the in-app message centre (which the store writes in the same transaction as the
 * change): WeChat subscribe messages are one. Called after the change is committed; failures are logged,
 * never undo the change.
 */
export interface OutboundMessage {
  userId: string
  title: string
  body: string
  target: MessageTarget | null
  at: string
}

export interface Notifier {
  notify(messages: OutboundMessage[]): Promise<void>
}

// ---------- reports (随手拍) and messages, issue 4 ----------

export type Moderation = 'clean' | 'review'

/** A report row with the names the views need (grid, reporter, assignee) and its cover photo. */
export interface ReportRecord {
  seq: number
  id: string
  communityId: string
  streetId: string
  gridId: string
  gridName: string
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
}

export interface NewReport {
  id: string
  communityId: string
  streetId: string
  gridId: string
  reporterId: string
  category: ReportCategory
  description: string
  latitude: number | null
  longitude: number | null
  address: string | null
  coordSource: CoordSystem | null
  anonymous: boolean
  visibility: ReportVisibility
  moderation: Moderation
  assigneeId: string | null
  acceptBy: string
  resolveBy: string
  createdAt: string
}

/** A message of the in-app message centre, written in the same transaction as the change it tells of. */
export interface NewMessage {
  id: string
  userId: string
  kind: MessageKind
  title: string
  body: string
  target: MessageTarget | null
  createdAt: string
}

export interface MessageRecord extends NewMessage {
  seq: number
  readAt: string | null
}

export interface ReportEventRecord {
  id: number
  at: string
  actorId: string | null
  actorName: string | null
  actorRoles: Role[]
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
  events: ReportEventRecord[]
  mediation: MediationRecord | null
  supportedByMe: boolean
}

/** The event a change writes on the timeline. */
export interface NewReportEvent {
  actorId: string | null
  action: string
  note: string | null
  toUserId: string | null
}

/** The mutable columns of a report after a change (the use case computes them from the record it read). */
export interface ReportPatch {
  status: ReportStatus
  level: ReportLevel
  maxLevel: ReportLevel
  gridId: string
  assigneeId: string | null
  category: ReportCategory
  description: string
  anonymous: boolean
  visibility: ReportVisibility
  moderation: Moderation
  acceptBy: string
  resolveBy: string
  reopenCount: number
  acceptedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  rating: number | null
  ratingComment: string | null
  ratedAt: string | null
}

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
}

export type ReportCreateOutcome =
  | { kind: 'created'; report: ReportRecord }
  | { kind: 'replayed'; report: ReportRecord }
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
  | { kind: 'mine'; reporterId: string }
  | { kind: 'public'; communityId: string; category?: ReportCategory }
  /** open reports waiting for the handler (submitted/accepted; returned waits for the resident) by deadline */
  | { kind: 'queue'; level: 'grid'; gridIds: string[] }
  | { kind: 'queue'; level: 'community'; communityId: string; gridId?: string }
  | { kind: 'queue'; level: 'street'; streetId: string; gridId?: string }
  | {
      kind: 'area'
      communityId?: string
      streetId?: string
      status?: ReportStatus
      gridId?: string
      category?: ReportCategory
      /** overdue at this time */
      overdueAt?: string
    }

export type ReportArea = { communityId: string } | { streetId: string }

export interface ReportCounts {
  byStatus: { status: ReportStatus; n: number }[]
  byCategory: { category: ReportCategory; n: number }[]
  byGrid: { gridId: string; gridName: string; total: number; open: number; overdue: number }[]
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
  create(report: NewReport, photoIds: string[], messages: NewMessage[], idem: IdempotencyKey | null): Promise<ReportCreateOutcome>
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
  list(query: ReportListQuery, opts: { limit: number; after: ReportCursor | null }): Promise<ReportRecord[]>
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
  /** The staff who handle a report at a level: grid → its 网格员, community → 社区, street → 街道. */
  handlersOf(level: ReportLevel, gridId: string, communityId: string, streetId: string): Promise<string[]>
  /** The 网格员 of a grid, lowest id first. */
  workersOf(gridId: string): Promise<string[]>
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
}

export interface MessageRepo {
  list(userId: string, opts: { unreadOnly: boolean; limit: number; after: number | null }): Promise<MessageRecord[]>
  unread(userId: string): Promise<number>
  /** Marks one own message (false when it is not the user's) or all of them read. */
  markRead(userId: string, target: { id: string } | { all: true }, at: string): Promise<boolean>
}

// ---------- motions (议事表决), issue 5 ----------

export interface MotionRecord {
  seq: number
  id: string
  communityId: string
  authorId: string
  title: string
  preamble: string | null
  articles: { text: string }[]
  kind: MotionKind
  options: string[] | null
  eligibility: Eligibility
  status: MotionStatus
  consultUntil: string | null
  voteFrom: string
  voteUntil: string
  /** the roster frozen when voting opened (null before) */
  base: TallyBase | null
  consultedAt: string | null
  openedAt: string | null
  closedAt: string | null
  /** the figures computed at close (null before) */
  result: MotionOutcomeView | null
  rev: number
  createdAt: string
  updatedAt: string
}

export interface NewMotion {
  id: string
  communityId: string
  authorId: string
  title: string
  preamble: string | null
  articles: { text: string }[]
  kind: MotionKind
  options: string[] | null
  eligibility: Eligibility
  consultUntil: string | null
  voteFrom: string
  voteUntil: string
  createdAt: string
}

/** The editable fields after a revision (the use case merges and checks them). */
export type MotionPatch = Pick<
  NewMotion,
  'title' | 'preamble' | 'articles' | 'kind' | 'options' | 'eligibility' | 'consultUntil' | 'voteFrom' | 'voteUntil'
>

export interface MotionRevisionRecord {
  rev: number
  title: string
  preamble: string | null
  articles: { text: string }[]
  byId: string
  byName: string
  at: string
}

export interface MotionCommentRecord {
  id: string
  motionId: string
  authorId: string
  authorName: string
  articleIndex: number | null
  text: string
  createdAt: string
  reply: { text: string; byId: string; byName: string; at: string } | null
}

export type MotionCreateOutcome =
  | { kind: 'created'; motion: MotionRecord }
  | { kind: 'replayed'; motion: MotionRecord }
  | { kind: 'keyReused' }

/** a comment written or, for a retry of the same request, the one written first; null (from addComment): not in consultation */
export type MotionCommentOutcome =
  | { kind: 'added'; comment: MotionCommentRecord }
  | { kind: 'replayed'; comment: MotionCommentRecord }
  | { kind: 'keyReused' }

/** the reply written or, for a retry of the same request, the comment as it is; null (from reply): no such comment */
export type MotionReplyOutcome =
  | { kind: 'replied'; comment: MotionCommentRecord }
  | { kind: 'replayed'; comment: MotionCommentRecord }
  | { kind: 'keyReused' }

/** null (from revise): not revisable (missing, voting or closed) */
export type MotionReviseOutcome =
  | { kind: 'revised'; motion: MotionRecord }
  /** the patch equals the motion: nothing written */
  | { kind: 'unchanged'; motion: MotionRecord }
  /** the motion is in consultation (found in the transaction) and the patch changes kind or eligibility: nothing written */
  | { kind: 'kindLocked' }

/** one motion, one community's, or every community's published motions (the reminders sweep) */
export type MotionSettleScope = { communityId: string } | { motionId: string } | { everywhere: true }

/**
 * Builds the in-app messages of a phase change for the given recipients (the store finds the eligible
 * residents inside the transaction and writes what this returns with the change).
 */
export type MotionMessages = (motion: MotionRecord, to: MotionStatus, userIds: string[]) => NewMessage[]

export type MotionCastOutcome =
  | { kind: 'done' }
  /** the voter (or household) already has a row: nothing written */
  | { kind: 'alreadyVoted' }
  /** the motion is not in voting at `at` (the time rule applied first): nothing written */
  | { kind: 'notVoting' }
  /** a ballot of this motion already has this receipt hash: nothing written */
  | { kind: 'receiptTaken' }
  /** adults motion: the household's ballots already number its roster adults frozen at opening: nothing written */
  | { kind: 'householdFull'; adults: number }

export interface MotionBallot {
  /** user id (adults) or household id (households) */
  voterKey: string
  /** the voter's household (adults: its frozen roster adults bound the ballots; households: the voter key) */
  householdId: string | null
  channel: 'online' | 'offline'
  recordedBy: string | null
  receiptHash: string
  /** 'yes' | 'no' | 'abstain' or the option index as text */
  choice: string
}

export interface RulesRecord {
  communityId: string
  version: number
  adoptedAt: string
  motionId: string
  title: string
  articles: { text: string }[]
  filedAt: string | null
}

export interface MotionRepo {
  /** Insert motion + revision 1 + audit + idempotency row in one IMMEDIATE transaction. */
  create(m: NewMotion, audit: AuditEntry, idem: IdempotencyKey | null): Promise<MotionCreateOutcome>
  get(id: string): Promise<MotionRecord | null>
  /** Newest first by seq; drafts only when `withDrafts`. */
  list(communityId: string, opts: { status?: MotionStatus; withDrafts: boolean; limit: number; after: number | null }): Promise<MotionRecord[]>
  revisions(id: string): Promise<MotionRevisionRecord[]>
  comments(id: string): Promise<MotionCommentRecord[]>
  comment(id: string): Promise<MotionCommentRecord | null>
  /**
   * Conditional UPDATE while draft/consultation (kind/eligibility only in draft) + audit, and a revision only when
   * title, preamble or articles change; a patch equal to the motion writes nothing (`unchanged`).
   */
  revise(id: string, patch: MotionPatch, by: string, at: string, audit: AuditEntry): Promise<MotionReviseOutcome | null>
  /**
   * The time rule (consultation → voting at voteFrom, voting → closed at voteUntil) for the community's (or
   * one motion's) published motions, as conditional UPDATEs; returns the messages written.
   */
  settle(scope: MotionSettleScope, at: string, compose: MotionMessages): Promise<NewMessage[]>
  /**
   * One step of the phase machine from `from`, conditional on it (a lost race: null); opening voting freezes
   * the base; closing computes and stores the result and, for a passed rules motion, the next rules version.
   */
  advance(id: string, from: MotionStatus, at: string, compose: MotionMessages, audit: AuditEntry | null): Promise<{ motion: MotionRecord; messages: NewMessage[] } | null>
  /**
   * Inserts a comment while the motion is in consultation (before consultUntil), with the idempotency row, in one
   * IMMEDIATE transaction; a retry (same key) answers the first comment. Null: not in consultation.
   */
  addComment(
    c: { id: string; motionId: string; authorId: string; articleIndex: number | null; text: string; at: string },
    idem?: IdempotencyKey | null,
  ): Promise<MotionCommentOutcome | null>
  /** Sets the reply of a comment (a later reply replaces it) + audit + idempotency row; null: no such comment. */
  reply(commentId: string, text: string, by: string, at: string, audit: AuditEntry, idem?: IdempotencyKey | null): Promise<MotionReplyOutcome | null>
  /**
   * THE cast: in one IMMEDIATE transaction, only while the motion is in voting and before voteUntil, the voter
   * row and the ballot row; the voter's PRIMARY KEY decides "once" (online and offline alike); for an adults
   * motion a place of the household (conditional UPDATE: voters < frozen adults). No time and no audit entry
   * is written with a ballot.
   */
  cast(motionId: string, ballot: MotionBallot, at: string): Promise<MotionCastOutcome>
  voted(motionId: string, voterKey: string): Promise<boolean>
  /** adults motion once voting opened: the household's frozen roster adults and its voters so far (none on the roster: 0, 0) */
  householdPlaces(motionId: string, householdId: string): Promise<{ adults: number; voters: number }>
  /** Voters so far (no choices). */
  turnout(motionId: string): Promise<number>
  /** Published motions (consultation or voting) of every community whose voteUntil is at or before `until`, soonest first. */
  closingBy(until: string): Promise<MotionRecord[]>
  /** (receipt hash, choice) sorted by hash. */
  ballots(motionId: string): Promise<{ receiptHash: string; choice: string }[]>
  ballotOf(motionId: string, receiptHash: string): Promise<string | null>
  /** The community's roster now: 成年人数 summed, households counted. */
  base(communityId: string): Promise<TallyBase>
  currentRules(communityId: string): Promise<RulesRecord | null>
  rulesHistory(communityId: string, opts: { limit: number; before: number | null }): Promise<RulesRecord[]>
  /** Sets filed_at of a version of the community's rules + audit; null when no such version. */
  markFiled(communityId: string, version: number, filedAt: string, audit: AuditEntry): Promise<RulesRecord | null>
}

// ---------- reminders (a periodic sweep), issues 5 and 6 ----------

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
