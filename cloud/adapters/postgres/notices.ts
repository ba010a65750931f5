import type { Pool } from 'pg'
import { excerptOf, type NoticeCategory } from '@/domain/notices'
import type {
  NoticeAudience,
  NoticeListItem,
  NoticeReadRecord,
  NoticeRecord,
  NoticeRepo,
  NoticeUnconfirmedRecord,
  PublishOutcome,
} from '../../notices/ports'
import { writeAudit } from './audit'
import { communitiesUnderSql, PLACE_COLUMNS, PLACE_JOINS } from '../rows/org'
import { claimKey } from './idempotency'
import { inTransaction, inTransactionOr, Rollback, row, rows, type Queryable } from './tx'

/**
 * Notices on PostgreSQL: the same records as ../sqlite/notices.ts. Text is ordered and compared COLLATE "C"
 * (code points, SQLite's BINARY), whatever collation the database was created with. Each write that must hold
 * under concurrency is one transaction or one statement whose guarantee at READ COMMITTED is said beside it.
 */

interface NoticeRow {
  id: string
  community_id: string
  community_name: string
  street_id: string
  district_id: string | null
  city_id: string | null
  author_id: string
  author_name: string
  title: string
  body: string
  excerpt: string
  category: NoticeCategory
  pinned: boolean
  important: boolean
  whole_community: boolean
  grid_ids: string[]
  publish_at: string
  expire_at: string | null
  withdrawn_at: string | null
  created_at: string
}

interface ListRow extends Pick<NoticeRow, 'id' | 'community_id' | 'community_name' | 'author_id' | 'title' | 'excerpt' | 'category'
  | 'pinned' | 'important' | 'publish_at' | 'expire_at'> {
  /** null for a whole-community notice */
  grid_ids: string[] | null
  read_at: string | null
  confirmed_at: string | null
}

const GRID_IDS = `ARRAY(SELECT ng.grid_id FROM notice_grids ng WHERE ng.notice_id = n.id) AS grid_ids`
const SELECT_NOTICE = `
  SELECT n.*, u.name AS author_name, c.name AS community_name, ${PLACE_COLUMNS}, ${GRID_IDS}
  FROM notices n JOIN users u ON u.id = n.author_id JOIN communities c ON c.id = n.community_id ${PLACE_JOINS}`

/**
 * Lists read what a summary shows (as SQLite's): the excerpt stored at publish (no body), no creation or withdrawal
 * time (lists leave withdrawn notices out); the community's name, the grids and the viewer's read for the page's rows.
 */
const LIST_COLUMNS = `n.id, n.community_id, n.author_id, n.title, n.excerpt, n.category, n.pinned, n.important,
  n.publish_at, n.expire_at, (SELECT c.name FROM communities c WHERE c.id = n.community_id) AS community_name`
/** live at `now` ($now: a timestamptz parameter) */
const live = (now: string) =>
  `n.withdrawn_at IS NULL AND n.publish_at <= ${now}::timestamptz AND (n.expire_at IS NULL OR n.expire_at > ${now}::timestamptz)`
/** policy.isUnread: live (beside it), not opened, not the viewer's own */
const unread = (viewer: string) =>
  `n.author_id <> ${viewer}::text AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ${viewer}::text)`
const ORDER = `ORDER BY n.pinned DESC, n.publish_at DESC, n.id COLLATE "C" DESC`

function toRecord(r: NoticeRow): NoticeRecord {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    streetId: r.street_id,
    districtId: r.district_id,
    cityId: r.city_id,
    authorId: r.author_id,
    authorName: r.author_name,
    title: r.title,
    body: r.body,
    excerpt: r.excerpt,
    category: r.category,
    pinned: r.pinned,
    important: r.important,
    gridIds: r.whole_community ? null : [...r.grid_ids].sort(),
    publishAt: r.publish_at,
    expireAt: r.expire_at,
    withdrawnAt: r.withdrawn_at,
    createdAt: r.created_at,
  }
}

const toRead = (r: { read_at: string; confirmed_at: string | null }): NoticeReadRecord => ({ readAt: r.read_at, confirmedAt: r.confirmed_at })

async function load(db: Queryable, id: string): Promise<NoticeRecord | null> {
  const r = await row<NoticeRow>(db, `${SELECT_NOTICE} WHERE n.id = $1`, [id])
  return r ? toRecord(r) : null
}

/** Parameters of one statement: `p(value)` appends the value and answers its placeholder ($1, $2 …). */
function params() {
  const values: unknown[] = []
  const p = (v: unknown) => {
    values.push(v)
    return `$${values.length}`
  }
  return { values, p }
}

/** Which notices an audience sees: members only live ones, of the community addressed to them or to a grid of theirs. */
function audienceWhere(a: NoticeAudience, p: (v: unknown) => string, now: string): string {
  if (a.kind === 'member') {
    return `n.community_id = ${p(a.communityId)}::text AND ${live(p(now))} AND (n.whole_community OR EXISTS (
      SELECT 1 FROM notice_grids ng WHERE ng.notice_id = n.id AND ng.grid_id = ANY(${p(a.gridIds)}::text[])))`
  }
  if (a.kind === 'staff') return `n.community_id = ${p(a.communityId)}::text AND n.withdrawn_at IS NULL`
  return `n.community_id IN (${communitiesUnderSql(a.tier, `${p(a.id)}::text`)}) AND n.withdrawn_at IS NULL`
}

// scope: the grids of the notice; aud: the people counted (policy.isAudience); hh: the roster's households in
// scope, `reached` when somebody of the audience lives there
const AUDIENCE = `
  scope AS (
    SELECT g.id, g.name, g.seq FROM grids g, n
    WHERE g.community_id = n.community_id
      AND (n.whole_community OR g.id IN (SELECT grid_id FROM notice_grids WHERE notice_id = n.id))),
  aud AS (
    SELECT u.id, u.grid_id, u.household_id FROM users u, n
    WHERE u.community_id = n.community_id AND u.grid_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role IN ('resident', 'volunteer'))
      AND (n.whole_community OR u.grid_id IN (SELECT id FROM scope))),
  hh AS (
    SELECT h.id, h.grid_id, EXISTS (SELECT 1 FROM aud a WHERE a.household_id = h.id) AS reached
    FROM households h JOIN scope s ON s.id = h.grid_id)`
type Figures = { audience: number; read: number; confirmed: number; households: number; householdsWithoutAccount: number }
const FIGURES = (where: string) => `
    (SELECT count(*) FROM aud a WHERE ${where}) AS audience,
    (SELECT count(*) FROM aud a JOIN notice_reads r ON r.notice_id = $1 AND r.user_id = a.id WHERE ${where}) AS read,
    (SELECT count(r.confirmed_at) FROM aud a JOIN notice_reads r ON r.notice_id = $1 AND r.user_id = a.id WHERE ${where}) AS confirmed,
    (SELECT count(*) FROM hh a WHERE ${where}) AS households,
    (SELECT count(*) FROM hh a WHERE NOT a.reached AND ${where}) AS "householdsWithoutAccount"`
const withUnconfirmed = <F extends Figures>(f: F) => ({ ...f, unconfirmed: f.audience - f.confirmed + f.householdsWithoutAccount })

interface UnconfirmedRow {
  kind: 'person' | 'household'
  id: string
  name: string
  phone: string | null
  household_phone: string | null
  grid_id: string
  grid_name: string
  grid_seq: number
  building: string | null
  unit: string | null
  room: string | null
  is_read: boolean
  roster_only: boolean
  address: string
}

// one line per person of the audience who has not confirmed, and per household in scope nobody of the audience
// lives in; `address` sorts by building, unit, room (people without a household last: U+10FFFF sorts after all)
const UNCONFIRMED = `
  WITH n AS (SELECT * FROM notices WHERE id = $1), ${AUDIENCE},
  lines AS (
    SELECT 'person' AS kind, u.id AS id, u.name AS name, u.phone AS phone, h.phone AS household_phone,
      a.grid_id AS grid_id, h.building AS building, h.unit AS unit, h.room AS room,
      r.read_at IS NOT NULL AS is_read, u.roster_only AS roster_only,
      CASE WHEN h.id IS NULL THEN chr(1114111) ELSE h.building || chr(31) || h.unit || chr(31) || h.room END AS address
    FROM aud a JOIN users u ON u.id = a.id
    LEFT JOIN households h ON h.id = u.household_id
    LEFT JOIN notice_reads r ON r.notice_id = $1 AND r.user_id = a.id
    WHERE r.confirmed_at IS NULL
    UNION ALL
    SELECT 'household', h.id, h.head_name, NULL, h.phone, h.grid_id, h.building, h.unit, h.room, false, false,
      h.building || chr(31) || h.unit || chr(31) || h.room
    FROM hh JOIN households h ON h.id = hh.id
    WHERE NOT hh.reached)
  SELECT l.*, g.name AS grid_name, g.seq AS grid_seq FROM lines l JOIN grids g ON g.id = l.grid_id
  WHERE ($2::text IS NULL OR l.grid_id = $2::text)
    AND (NOT $3::boolean OR (g.seq, g.id COLLATE "C", l.address COLLATE "C", l.kind COLLATE "C", l.id COLLATE "C")
      > ($4::integer, $5::text COLLATE "C", $6::text COLLATE "C", $7::text COLLATE "C", $8::text COLLATE "C"))
  ORDER BY g.seq, g.id COLLATE "C", l.address COLLATE "C", l.kind COLLATE "C", l.id COLLATE "C"
  LIMIT $9`

export function noticeRepo(pool: Pool): NoticeRepo {
  async function readOf(noticeId: string, userId: string): Promise<NoticeReadRecord | null> {
    const r = await row<{ read_at: string; confirmed_at: string | null }>(
      pool,
      'SELECT read_at, confirmed_at FROM notice_reads WHERE notice_id = $1 AND user_id = $2',
      [noticeId, userId],
    )
    return r ? toRead(r) : null
  }

  return {
    /**
     * One transaction. The idempotency key is claimed FIRST with INSERT … ON CONFLICT DO NOTHING (claimKey): of
     * concurrent publishes with one requestId, one inserts the key and the notice; the others wait on its
     * uncommitted key row, then find it committed and replay its notice (or answer keyReused for another input)
     * having written nothing.
     */
    async publish(n, audit, idem) {
      return inTransactionOr<PublishOutcome, PublishOutcome>(pool, async (c) => {
        const claim = await claimKey<{ noticeId: string }>(c, idem, { noticeId: n.id }, n.createdAt)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') {
          const first = await load(c, claim.result.noticeId)
          if (!first) throw new Error(`publish replay: notice ${claim.result.noticeId} not found`)
          return { kind: 'replayed', notice: first }
        }
        await c.query(
          `INSERT INTO notices (id, community_id, author_id, title, body, excerpt, category, pinned, important,
            whole_community, publish_at, expire_at, withdrawn_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, $13)`,
          [n.id, n.communityId, n.authorId, n.title, n.body, excerptOf(n.body), n.category, n.pinned, n.important, n.gridIds === null,
            n.publishAt, n.expireAt, n.createdAt],
        )
        for (const g of new Set(n.gridIds ?? [])) await c.query('INSERT INTO notice_grids (notice_id, grid_id) VALUES ($1, $2)', [n.id, g])
        await writeAudit(c, audit)
        const made = await load(c, n.id)
        if (!made) throw new Error(`publish: notice ${n.id} not found after insert`)
        return { kind: 'created', notice: made }
      })
    },

    get: (id) => load(pool, id),

    async list(audience, { viewerId, now, limit, after }) {
      const { values, p } = params()
      const viewer = p(viewerId)
      const cursor = after
        ? `AND (n.pinned, n.publish_at, n.id COLLATE "C") < (${p(after.pinned)}::boolean, ${p(after.publishAt)}::timestamptz, ${p(after.id)}::text COLLATE "C")`
        : ''
      const found = await rows<ListRow>(
        pool,
        // a list reads what its summary shows: no author, no street/district/city joins
        `SELECT ${LIST_COLUMNS}, r.read_at, r.confirmed_at,
          CASE WHEN n.whole_community THEN NULL ELSE ARRAY(SELECT ng.grid_id FROM notice_grids ng WHERE ng.notice_id = n.id) END AS grid_ids
        FROM notices n
        LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ${viewer}::text
        WHERE ${audienceWhere(audience, p, now)} ${cursor}
        ${ORDER} LIMIT ${p(limit)}`,
        values,
      )
      return found.map(
        (r): NoticeListItem => ({
          id: r.id,
          communityId: r.community_id,
          communityName: r.community_name,
          authorId: r.author_id,
          title: r.title,
          excerpt: r.excerpt,
          category: r.category,
          pinned: r.pinned,
          important: r.important,
          gridIds: r.grid_ids === null ? null : [...r.grid_ids].sort(),
          publishAt: r.publish_at,
          expireAt: r.expire_at,
          withdrawnAt: null,
          read: r.read_at !== null,
          confirmed: r.confirmed_at !== null,
        }),
      )
    },

    async countUnread(audience, { viewerId, now }) {
      const { values, p } = params()
      // staff and street lists show scheduled notices too, but only a live one is unread
      const liveForAll = audience.kind === 'member' ? '' : `AND ${live(p(now))}`
      const r = await row<{ n: number }>(
        pool,
        `SELECT count(*) AS n FROM notices n WHERE ${audienceWhere(audience, p, now)} ${liveForAll} AND ${unread(p(viewerId))}`,
        values,
      )
      return r?.n ?? 0
    },

    readOf,

    /**
     * The first read's time is kept: INSERT … ON CONFLICT DO NOTHING (a concurrent first read makes it wait, then do
     * nothing), then a new statement reads the row that won. A read already recorded costs one SELECT, no write.
     */
    async markRead(noticeId, userId, at) {
      const prior = await readOf(noticeId, userId)
      if (prior) return prior
      const inserted = await row<{ read_at: string; confirmed_at: string | null }>(
        pool,
        `INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES ($1, $2, $3)
         ON CONFLICT (notice_id, user_id) DO NOTHING RETURNING read_at, confirmed_at`,
        [noticeId, userId, at],
      )
      if (inserted) return toRead(inserted)
      const won = await readOf(noticeId, userId)
      if (!won) throw new Error(`markRead: no read of ${noticeId} by ${userId} after a conflict`)
      return won
    },

    /**
     * ONE statement. The notice is checked live and locked FOR SHARE (a concurrent withdraw's UPDATE waits for
     * this confirm, or this confirm waits for it and re-checks the withdrawn row: not live, no row); the read row
     * is upserted with ON CONFLICT DO UPDATE, which at READ COMMITTED either inserts or updates the latest version
     * of the row under its lock, and COALESCE keeps the first confirmation: concurrent confirms all return the
     * first one's time.
     */
    async confirm(noticeId, userId, at) {
      const r = await row<{ read_at: string; confirmed_at: string }>(
        pool,
        `WITH target AS (SELECT n.id FROM notices n WHERE n.id = $1 AND ${live('$3')} FOR SHARE)
         INSERT INTO notice_reads (notice_id, user_id, read_at, confirmed_at) SELECT target.id, $2, $3, $3 FROM target
         ON CONFLICT (notice_id, user_id) DO UPDATE SET confirmed_at = COALESCE(notice_reads.confirmed_at, excluded.confirmed_at)
         RETURNING read_at, confirmed_at`,
        [noticeId, userId, at],
      )
      return r ? toRead(r) : null
    },

    async stats(noticeId) {
      const total =
        (await row<Figures>(pool, `WITH n AS (SELECT * FROM notices WHERE id = $1), ${AUDIENCE} SELECT ${FIGURES('true')}`, [noticeId])) ??
        { audience: 0, read: 0, confirmed: 0, households: 0, householdsWithoutAccount: 0 }
      const byGrid = await rows<{ gridId: string; gridName: string } & Figures>(
        pool,
        `WITH n AS (SELECT * FROM notices WHERE id = $1), ${AUDIENCE}
         SELECT s.id AS "gridId", s.name AS "gridName", ${FIGURES('a.grid_id = s.id')}
         FROM scope s ORDER BY s.seq, s.id COLLATE "C"`,
        [noticeId],
      )
      return { ...withUnconfirmed(total), byGrid: byGrid.map(withUnconfirmed) }
    },

    /** The page and its audit entry in one transaction, so a read of personal data is never without its record. */
    async unconfirmed(noticeId, { gridId, limit, after }, audit) {
      return inTransaction(pool, async (c) => {
        const found = await rows<UnconfirmedRow>(c, UNCONFIRMED, [
          noticeId,
          gridId,
          after !== null,
          after?.gridSeq ?? 0,
          after?.gridId ?? '',
          after?.address ?? '',
          after?.kind ?? '',
          after?.id ?? '',
          limit,
        ])
        const lines = found.map(
          (r): NoticeUnconfirmedRecord => ({
            kind: r.kind,
            id: r.id,
            name: r.name,
            phone: r.phone,
            householdPhone: r.household_phone,
            gridId: r.grid_id,
            gridName: r.grid_name,
            gridSeq: r.grid_seq,
            building: r.building,
            unit: r.unit,
            room: r.room,
            read: r.is_read,
            rosterOnly: r.roster_only,
            sortAddress: r.address,
          }),
        )
        const entry = audit(lines)
        if (entry) await writeAudit(c, entry)
        return lines
      })
    },

    /**
     * A conditional UPDATE (only if not yet withdrawn) and its audit entry in one transaction. At READ COMMITTED a
     * concurrent withdraw waits on the row lock and re-checks `withdrawn_at IS NULL` on the committed row: once only.
     */
    async withdraw(noticeId, at, audit) {
      return inTransactionOr<{ withdrawnAt: string }, null>(pool, async (c) => {
        const done = await row(c, 'UPDATE notices SET withdrawn_at = $1 WHERE id = $2 AND withdrawn_at IS NULL RETURNING 1', [at, noticeId])
        if (!done) throw new Rollback(null)
        await writeAudit(c, audit)
        return { withdrawnAt: at }
      })
    },
  }
}
