/** Notices' storage (issue 1). Every concurrency-sensitive write is ONE method, atomic in the adapter. */
import type { NoticeCategory } from '@/domain/notices'
import type * as shared from '../shared/context'
import type { AuditEntry, CommunityRepo, IdempotencyKey } from '../shared/ports'

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

/** A notice to publish: the record without what the store adds (the author's name) or a later change sets. */
export type NewNotice = Omit<NoticeRecord, 'authorName' | 'withdrawnAt'>

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

// ---------- what this feature's use cases receive ----------

/** The repositories the notices use cases use. */
export interface NoticesStore {
  notices: NoticeRepo
  communities: CommunityRepo
}

export type Deps = shared.Deps<NoticesStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
