import type { Tier } from '@/domain/shared/roles'
/** Notices' storage (issue 1). Every concurrency-sensitive write is ONE method, atomic in the adapter. */
import type { NoticeCategory } from '@/domain/notices'
import type * as shared from '../shared/context'
import type { AuditEntry, CommunityRepo, IdempotencyKey } from '../shared/ports'

export interface NoticeRecord {
  id: string
  communityId: string
  communityName: string
  /** the street the community is under, and the street's district and city (null: none set) */
  streetId: string
  districtId: string | null
  cityId: string | null
  authorId: string
  authorName: string
  title: string
  body: string
  /** the body's excerpt for lists (excerptOf), made once when the notice is published */
  excerpt: string
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

/** A notice to publish: the record without what the store adds (names, the street, the excerpt) or a later change sets. */
export type NewNotice = Omit<NoticeRecord, 'authorName' | 'communityName' | 'streetId' | 'districtId' | 'cityId' | 'withdrawnAt' | 'excerpt'>

export interface NoticeReadRecord {
  readAt: string
  confirmedAt: string | null
}

/**
 * What a list reads of a notice: no author's name, no street/district/city, no body, no creation time (a list's
 * summary shows none of them; it shows the stored excerpt).
 */
export type NoticeListed = Omit<NoticeRecord, 'authorName' | 'streetId' | 'districtId' | 'cityId' | 'body' | 'createdAt'>

/**
 * A notice as lists see it: the stored excerpt, no body, no creation time; withdrawnAt is always null (no list
 * shows a withdrawn notice). read and confirmed are the viewer's own flags.
 */
export interface NoticeListItem extends NoticeListed {
  read: boolean
  confirmed: boolean
}

/** Which notices a caller may list. */
export type NoticeAudience =
  /** residents, volunteers, grid workers: live notices addressed to the whole community or to one of these grids */
  | { kind: 'member'; communityId: string; gridIds: string[] }
  /** committee: every notice of the community that is not withdrawn */
  | { kind: 'staff'; communityId: string }
  /** street, district, city staff: every notice of every community under their area that is not withdrawn */
  | { kind: 'tier'; tier: Tier; id: string }

export interface NoticeCursor {
  pinned: boolean
  publishAt: string
  id: string
}

export interface NoticeFiguresRecord {
  audience: number
  read: number
  confirmed: number
  /** roster households in scope, and those with nobody in the audience */
  households: number
  householdsWithoutAccount: number
  /** audience − confirmed + householdsWithoutAccount: the length of unconfirmed()'s list */
  unconfirmed: number
}

export interface NoticeStatsRecord extends NoticeFiguresRecord {
  byGrid: ({ gridId: string; gridName: string } & NoticeFiguresRecord)[]
}

/** A line of the unconfirmed list, unmasked (the use case masks it for the caller). */
export interface NoticeUnconfirmedRecord {
  kind: 'person' | 'household'
  id: string
  name: string
  /** the person's own phone (null for a household line) */
  phone: string | null
  /** the household's phone on the roster */
  householdPhone: string | null
  gridId: string
  gridName: string
  gridSeq: number
  building: string | null
  unit: string | null
  room: string | null
  read: boolean
  rosterOnly: boolean
  /** the address as the list sorts it (opaque: for the cursor) */
  sortAddress: string
}

/** The sort key of an unconfirmed line: grid (seq, id), address (building, unit, room; none last), kind, id. */
export interface NoticeUnconfirmedCursor {
  gridSeq: number
  gridId: string
  address: string
  kind: 'person' | 'household'
  id: string
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
  /** How many notices of the audience's list are unread to the viewer: live, not opened, not written by them. */
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
  /**
   * The audience's people who have not confirmed, and the roster households in scope with nobody in the audience,
   * in (grid, address, kind, id) order; one grid or all. `audit` (given the page read) may return an entry, written
   * in the read's transaction, so a read of personal data is never without its record.
   */
  unconfirmed(
    noticeId: string,
    opts: { gridId: string | null; limit: number; after: NoticeUnconfirmedCursor | null },
    audit: (rows: NoticeUnconfirmedRecord[]) => AuditEntry | null,
  ): Promise<NoticeUnconfirmedRecord[]>
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
