/**
 * Ports: what the use cases need from the outside world. Adapters (cloud/adapters/*) implement them.
 *
 * Rule (DESIGN §3): every write that must hold under concurrency is ONE method here, made atomic by the
 * adapter (transaction + UNIQUE / ON CONFLICT / conditional UPDATE). Use cases never read-then-write.
 * Methods are async so that a remote store (CloudBase) can implement the same interface.
 */
import type { Role } from '@/domain/roles'
import type { NoticeCategory } from '@/domain/notice'

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

// ---------- records ----------

export interface GridRecord {
  id: string
  communityId: string
  name: string
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

// ---------- repositories ----------

export interface UserRepo {
  get(id: string): Promise<UserRecord | null>
  /** Inserts the user with roles, worker grids, household in one transaction. */
  create(user: NewUser): Promise<UserRecord>
  /** Atomic find-or-create by openid (UNIQUE openid); `created` tells which happened. */
  findOrCreateByOpenid(openid: string, candidate: NewUser): Promise<{ user: UserRecord; created: boolean }>
  count(): Promise<number>
}

export interface CommunityRepo {
  get(id: string): Promise<CommunityRecord | null>
  /** The first community in seed order (the demo community). */
  first(): Promise<CommunityRecord | null>
  grid(id: string): Promise<GridRecord | null>
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
  audit: AuditRepo
  settings: SettingsRepo
  /** Throws when the store cannot answer (health check). */
  ping(): Promise<void>
  close(): void
}
