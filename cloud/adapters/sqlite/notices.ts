import type { Tier } from '@/domain/shared/roles'
import { excerptOf, type NoticeCategory } from '@/domain/notices'
import type {
  NewNotice,
  NoticeListItem,
  NoticeReadRecord,
  NoticeRecord,
  NoticeRepo,
  NoticeUnconfirmedRecord,
  PublishOutcome,
} from '../../notices/ports'
import type { AuditEntry, IdempotencyKey } from '../../shared/ports'
import { auditWriter } from './audit'
import { writerOf } from './busy'
import { communitiesUnderSql, PLACE_COLUMNS, PLACE_JOINS } from '../rows/org'
import type { Db } from './open'

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
  pinned: number
  important: number
  whole_community: number
  grid_ids: string
  publish_at: string
  expire_at: string | null
  withdrawn_at: string | null
  created_at: string
}

/**
 * A list row as an array (the statement is raw: better-sqlite3 builds no object per row), in LIST_SELECT's order:
 * id, community_id, author_id, title, excerpt, category, pinned, important, publish_at, expire_at, community_name,
 * read_at, confirmed_at, grid_ids (JSON, null for a whole-community notice).
 */
type ListRow = [string, string, string, string, string, NoticeCategory, number, number, string, string | null, string,
  string | null, string | null, string | null]

const SELECT_NOTICE = `
  SELECT n.*, u.name AS author_name, c.name AS community_name, ${PLACE_COLUMNS},
    (SELECT json_group_array(ng.grid_id) FROM notice_grids ng WHERE ng.notice_id = n.id) AS grid_ids
  FROM notices n JOIN users u ON u.id = n.author_id JOIN communities c ON c.id = n.community_id ${PLACE_JOINS}`

/**
 * Lists read what a summary shows: the excerpt stored at publish (no body), no creation or withdrawal time (lists
 * leave withdrawn notices out). The community's name is a scalar subquery, not a join: with a join the planner
 * scanned communities first, then every notice, and sorted them all; now it walks notices_feed and stops at the
 * page's end, and the name, the grids and the viewer's read are looked up for the page's rows only.
 */
const LIST_COLUMNS = `n.id, n.community_id, n.author_id, n.title, n.excerpt, n.category, n.pinned, n.important,
  n.publish_at, n.expire_at, (SELECT c.name FROM communities c WHERE c.id = n.community_id) AS community_name`
const LIVE = `n.withdrawn_at IS NULL AND n.publish_at <= @now AND (n.expire_at IS NULL OR n.expire_at > @now)`
const AFTER = `(@hasCursor = 0 OR (n.pinned, n.publish_at, n.id) < (@cPinned, @cAt, @cId))`
/** policy.isUnread: live (LIVE beside it), not opened, not the viewer's own */
const UNREAD = `n.author_id <> @viewer AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = @viewer)`
const ORDER = `ORDER BY n.pinned DESC, n.publish_at DESC, n.id DESC LIMIT @limit`

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
    pinned: r.pinned === 1,
    important: r.important === 1,
    gridIds: r.whole_community === 1 ? null : (JSON.parse(r.grid_ids) as string[]).sort(),
    publishAt: r.publish_at,
    expireAt: r.expire_at,
    withdrawnAt: r.withdrawn_at,
    createdAt: r.created_at,
  }
}

export function noticeRepo(db: Db): NoticeRepo {
  const write = writerOf(db)
  const writeAudit = auditWriter(db)
  const byId = db.prepare<[string], NoticeRow>(`${SELECT_NOTICE} WHERE n.id = ?`)
  const insertNotice = db.prepare(`
    INSERT INTO notices (id, community_id, author_id, title, body, excerpt, category, pinned, important,
      whole_community, publish_at, expire_at, withdrawn_at, created_at)
    VALUES (@id, @communityId, @authorId, @title, @body, @excerpt, @category, @pinned, @important,
      @wholeCommunity, @publishAt, @expireAt, NULL, @createdAt)`)
  const insertScope = db.prepare('INSERT INTO notice_grids (notice_id, grid_id) VALUES (?, ?)')
  const idemGet = db.prepare<[string, string, string], { fingerprint: string; result: string }>(
    'SELECT fingerprint, result FROM idempotency WHERE user_id = ? AND action = ? AND request_id = ?',
  )
  const idemPut = db.prepare(
    'INSERT INTO idempotency (user_id, action, request_id, fingerprint, result, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  )

  // a list reads what its summary shows: no author, no street/district/city joins
  const raw = <R>(sql: string) => db.prepare<Record<string, unknown>, R>(sql).raw(true)
  const LIST_SELECT = `
    SELECT ${LIST_COLUMNS}, r.read_at, r.confirmed_at,
      CASE WHEN n.whole_community = 1 THEN NULL
        ELSE (SELECT json_group_array(ng.grid_id) FROM notice_grids ng WHERE ng.notice_id = n.id) END AS grid_ids
    FROM notices n
    LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = @viewer`
  const listMember = raw<ListRow>(`${LIST_SELECT}
    WHERE n.community_id = @community AND ${LIVE}
      AND (n.whole_community = 1 OR EXISTS (
        SELECT 1 FROM notice_grids ng WHERE ng.notice_id = n.id AND ng.grid_id IN (SELECT value FROM json_each(@grids))))
      AND ${AFTER}
    ${ORDER}`)
  const listStaff = raw<ListRow>(`${LIST_SELECT}
    WHERE n.community_id = @community AND n.withdrawn_at IS NULL AND ${AFTER}
    ${ORDER}`)
  const listTierOf = (tier: Tier) =>
    raw<ListRow>(`${LIST_SELECT}
    WHERE n.community_id IN (${communitiesUnderSql(tier, '@area')}) AND n.withdrawn_at IS NULL AND ${AFTER}
    ${ORDER}`)
  const listTier = { street: listTierOf('street'), district: listTierOf('district'), city: listTierOf('city') }

  const unreadMember = db.prepare<Record<string, unknown>, { n: number }>(`
    SELECT count(*) AS n FROM notices n
    WHERE n.community_id = @community AND ${LIVE} AND ${UNREAD}
      AND (n.whole_community = 1 OR EXISTS (
        SELECT 1 FROM notice_grids ng WHERE ng.notice_id = n.id AND ng.grid_id IN (SELECT value FROM json_each(@grids))))`)
  const unreadStaff = db.prepare<Record<string, unknown>, { n: number }>(`
    SELECT count(*) AS n FROM notices n WHERE n.community_id = @community AND ${LIVE} AND ${UNREAD}`)
  const unreadTierOf = (tier: Tier) =>
    db.prepare<Record<string, unknown>, { n: number }>(`
    SELECT count(*) AS n FROM notices n
    WHERE n.community_id IN (${communitiesUnderSql(tier, '@area')}) AND ${LIVE} AND ${UNREAD}`)
  const unreadTier = { street: unreadTierOf('street'), district: unreadTierOf('district'), city: unreadTierOf('city') }

  const readGet = db.prepare<[string, string], { read_at: string; confirmed_at: string | null }>(
    'SELECT read_at, confirmed_at FROM notice_reads WHERE notice_id = ? AND user_id = ?',
  )
  const readInsert = db.prepare(
    'INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  )
  const liveGet = db.prepare<Record<string, unknown>, { id: string }>(`SELECT n.id FROM notices n WHERE n.id = @id AND ${LIVE}`)
  // one statement: the first confirmation wins, later ones keep it (COALESCE)
  const confirmUpsert = db.prepare<Record<string, unknown>, { read_at: string; confirmed_at: string }>(`
    INSERT INTO notice_reads (notice_id, user_id, read_at, confirmed_at) VALUES (@id, @user, @at, @at)
    ON CONFLICT (notice_id, user_id) DO UPDATE SET confirmed_at = COALESCE(notice_reads.confirmed_at, excluded.confirmed_at)
    RETURNING read_at, confirmed_at`)
  const withdrawUpdate = db.prepare('UPDATE notices SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL')

  // scope: the grids of the notice; aud: the people counted (policy.isAudience); hh: the roster's households in
  // scope, `reached` when somebody of the audience lives there
  const AUDIENCE = `
    scope AS (
      SELECT g.id, g.name, g.seq FROM grids g, n
      WHERE g.community_id = n.community_id
        AND (n.whole_community = 1 OR g.id IN (SELECT grid_id FROM notice_grids WHERE notice_id = n.id))),
    aud AS (
      SELECT u.id, u.grid_id, u.household_id FROM users u, n
      WHERE u.community_id = n.community_id AND u.grid_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role IN ('resident', 'volunteer'))
        AND (n.whole_community = 1 OR u.grid_id IN (SELECT id FROM scope))),
    hh AS (
      SELECT h.id, h.grid_id, EXISTS (SELECT 1 FROM aud a WHERE a.household_id = h.id) AS reached
      FROM households h JOIN scope s ON s.id = h.grid_id)`
  type Figures = { audience: number; read: number; confirmed: number; households: number; householdsWithoutAccount: number }
  const FIGURES = (where: string) => `
      (SELECT count(*) FROM aud a WHERE ${where}) AS audience,
      (SELECT count(*) FROM aud a JOIN notice_reads r ON r.notice_id = @id AND r.user_id = a.id WHERE ${where}) AS read,
      (SELECT count(r.confirmed_at) FROM aud a JOIN notice_reads r ON r.notice_id = @id AND r.user_id = a.id WHERE ${where}) AS confirmed,
      (SELECT count(*) FROM hh a WHERE ${where}) AS households,
      (SELECT count(*) FROM hh a WHERE NOT a.reached AND ${where}) AS householdsWithoutAccount`
  const statsTotal = db.prepare<{ id: string }, Figures>(`
    WITH n AS (SELECT * FROM notices WHERE id = @id), ${AUDIENCE}
    SELECT ${FIGURES('1')}`)
  const statsByGrid = db.prepare<{ id: string }, { gridId: string; gridName: string } & Figures>(`
    WITH n AS (SELECT * FROM notices WHERE id = @id), ${AUDIENCE}
    SELECT s.id AS gridId, s.name AS gridName, ${FIGURES('a.grid_id = s.id')}
    FROM scope s ORDER BY s.seq, s.id`)
  const withUnconfirmed = <F extends Figures>(f: F) => ({ ...f, unconfirmed: f.audience - f.confirmed + f.householdsWithoutAccount })

  // one line per person of the audience who has not confirmed, and per household in scope nobody of the audience
  // lives in; `address` sorts by building, unit, room (people without a household last)
  const unconfirmedPage = db.prepare<
    Record<string, unknown>,
    {
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
      is_read: number
      roster_only: number
      address: string
    }
  >(`
    WITH n AS (SELECT * FROM notices WHERE id = @id), ${AUDIENCE},
    lines AS (
      SELECT 'person' AS kind, u.id AS id, u.name AS name, u.phone AS phone, h.phone AS household_phone,
        a.grid_id AS grid_id, h.building AS building, h.unit AS unit, h.room AS room,
        r.read_at IS NOT NULL AS is_read, u.roster_only AS roster_only,
        CASE WHEN h.id IS NULL THEN char(1114111) ELSE h.building || char(31) || h.unit || char(31) || h.room END AS address
      FROM aud a JOIN users u ON u.id = a.id
      LEFT JOIN households h ON h.id = u.household_id
      LEFT JOIN notice_reads r ON r.notice_id = @id AND r.user_id = a.id
      WHERE r.confirmed_at IS NULL
      UNION ALL
      SELECT 'household', h.id, h.head_name, NULL, h.phone, h.grid_id, h.building, h.unit, h.room, 0, 0,
        h.building || char(31) || h.unit || char(31) || h.room
      FROM hh JOIN households h ON h.id = hh.id
      WHERE NOT hh.reached)
    SELECT l.*, g.name AS grid_name, g.seq AS grid_seq FROM lines l JOIN grids g ON g.id = l.grid_id
    WHERE (@grid IS NULL OR l.grid_id = @grid)
      AND (@hasCursor = 0 OR (g.seq, g.id, l.address, l.kind, l.id) > (@cSeq, @cGrid, @cAddress, @cKind, @cId))
    ORDER BY g.seq, g.id, l.address, l.kind, l.id
    LIMIT @limit`)
  const unconfirmedTx = db.transaction(
    (params: Record<string, unknown>, audit: (rows: NoticeUnconfirmedRecord[]) => AuditEntry | null) => {
      const rows = unconfirmedPage.all(params).map(
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
          read: r.is_read === 1,
          rosterOnly: r.roster_only === 1,
          sortAddress: r.address,
        }),
      )
      const entry = audit(rows)
      if (entry) writeAudit(entry)
      return rows
    },
  )

  const load = (id: string) => {
    const row = byId.get(id)
    return row ? toRecord(row) : null
  }
  const toRead = (r: { read_at: string; confirmed_at: string | null }): NoticeReadRecord => ({
    readAt: r.read_at,
    confirmedAt: r.confirmed_at,
  })

  const publishTx = db.transaction((n: NewNotice, audit: AuditEntry, idem: IdempotencyKey | null): PublishOutcome => {
    if (idem) {
      const prior = idemGet.get(idem.userId, idem.action, idem.requestId)
      if (prior) {
        if (prior.fingerprint !== idem.fingerprint) return { kind: 'keyReused' }
        const { noticeId } = JSON.parse(prior.result) as { noticeId: string }
        return { kind: 'replayed', notice: load(noticeId) as NoticeRecord }
      }
    }
    insertNotice.run({
      ...n,
      excerpt: excerptOf(n.body),
      pinned: n.pinned ? 1 : 0,
      important: n.important ? 1 : 0,
      wholeCommunity: n.gridIds === null ? 1 : 0,
    })
    for (const g of new Set(n.gridIds ?? [])) insertScope.run(n.id, g)
    writeAudit(audit)
    if (idem) {
      idemPut.run(idem.userId, idem.action, idem.requestId, idem.fingerprint, JSON.stringify({ noticeId: n.id }), n.createdAt)
    }
    return { kind: 'created', notice: load(n.id) as NoticeRecord }
  })

  const markReadTx = db.transaction((noticeId: string, userId: string, at: string) => {
    readInsert.run(noticeId, userId, at)
    return toRead(readGet.get(noticeId, userId) as { read_at: string; confirmed_at: string | null })
  })

  const confirmTx = db.transaction((noticeId: string, userId: string, at: string) => {
    if (!liveGet.get({ id: noticeId, now: at })) return null
    return toRead(confirmUpsert.get({ id: noticeId, user: userId, at }) as { read_at: string; confirmed_at: string })
  })

  const withdrawTx = db.transaction((noticeId: string, at: string, audit: AuditEntry) => {
    if (withdrawUpdate.run(at, noticeId).changes !== 1) return null
    writeAudit(audit)
    return { withdrawnAt: at }
  })

  return {
    async publish(n, audit, idem) {
      return publishTx.immediate(n, audit, idem)
    },
    async get(id) {
      return load(id)
    },
    async list(audience, { viewerId, now, limit, after }) {
      const params = {
        viewer: viewerId,
        now,
        limit,
        hasCursor: after ? 1 : 0,
        cPinned: after ? (after.pinned ? 1 : 0) : 0,
        cAt: after?.publishAt ?? '',
        cId: after?.id ?? '',
      }
      const rows =
        audience.kind === 'member'
          ? listMember.all({ ...params, community: audience.communityId, grids: JSON.stringify(audience.gridIds) })
          : audience.kind === 'staff'
            ? listStaff.all({ ...params, community: audience.communityId })
            : listTier[audience.tier].all({ ...params, area: audience.id })
      return rows.map(
        ([id, communityId, authorId, title, excerpt, category, pinned, important, publishAt, expireAt, communityName, readAt, confirmedAt, grids]): NoticeListItem => ({
          id,
          communityId,
          communityName,
          authorId,
          title,
          excerpt,
          category,
          pinned: pinned === 1,
          important: important === 1,
          gridIds: grids === null ? null : (JSON.parse(grids) as string[]).sort(),
          publishAt,
          expireAt,
          withdrawnAt: null,
          read: readAt !== null,
          confirmed: confirmedAt !== null,
        }),
      )
    },
    async countUnread(audience, { viewerId, now }) {
      const params = { viewer: viewerId, now }
      const row =
        audience.kind === 'member'
          ? unreadMember.get({ ...params, community: audience.communityId, grids: JSON.stringify(audience.gridIds) })
          : audience.kind === 'staff'
            ? unreadStaff.get({ ...params, community: audience.communityId })
            : unreadTier[audience.tier].get({ ...params, area: audience.id })
      return row?.n ?? 0
    },
    async readOf(noticeId, userId) {
      const r = readGet.get(noticeId, userId)
      return r ? toRead(r) : null
    },
    async markRead(noticeId, userId, at) {
      const r = readGet.get(noticeId, userId)
      if (r) return toRead(r)
      return markReadTx.immediate(noticeId, userId, at)
    },
    async confirm(noticeId, userId, at) {
      return write(() => confirmTx.immediate(noticeId, userId, at))
    },
    async stats(noticeId) {
      const total = statsTotal.get({ id: noticeId }) ?? { audience: 0, read: 0, confirmed: 0, households: 0, householdsWithoutAccount: 0 }
      return { ...withUnconfirmed(total), byGrid: statsByGrid.all({ id: noticeId }).map(withUnconfirmed) }
    },
    async unconfirmed(noticeId, { gridId, limit, after }, audit) {
      return unconfirmedTx.immediate(
        {
          id: noticeId,
          grid: gridId,
          limit,
          hasCursor: after ? 1 : 0,
          cSeq: after?.gridSeq ?? 0,
          cGrid: after?.gridId ?? '',
          cAddress: after?.address ?? '',
          cKind: after?.kind ?? '',
          cId: after?.id ?? '',
        },
        audit,
      )
    },
    async withdraw(noticeId, at, audit) {
      return withdrawTx.immediate(noticeId, at, audit)
    },
  }
}
