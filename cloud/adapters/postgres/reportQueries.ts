import { TIER_KEY } from '@/domain/shared/roles'
import type { Pool } from 'pg'
import type { ReportCategory } from '@/domain/reports'
import type { ReportCounts, ReportCursor, ReportDetailRecord, ReportListQuery, ReportRepo } from '../../reports/ports'
import {
  areaColumnOf,
  areaOfQuery,
  areaOfQueue,
  tierStaffSql,
  unitsSql,
  talliesSql,
  overdueByUnitSql,
  assembleCounts,
  type TallyRow,
  mediationRecord,
  reportEventRecord,
  reportRecord,
  reportListItem,
  listColumns,
  LIST_JOINS,
  type ReportListRow,
  type MediationRow,
  type MediationSessionRow,
  type ReportEventRow,
  type ReportRow,
} from '../rows/reports'
import { BRIEF, loadReport, OPEN, rolesJson, UNLISTED } from './reportRows'
import { row, rows, type Queryable } from './tx'

/** report.list's page: the summary's columns only (ReportListItem) */
const LIST = `SELECT ${listColumns('r.anonymous::int')} FROM reports r ${LIST_JOINS}`

/** The report store's reads on PostgreSQL, the same queries as ../sqlite/reports.ts with `$n` parameters. */

/** Numbered parameters of a statement built piece by piece: `add` returns the placeholder of the value it binds. */
class Params {
  readonly values: unknown[] = []
  add(value: unknown, type: string): string {
    this.values.push(value)
    return `$${this.values.length}::${type}`
  }
}

interface ListShape {
  where: string[]
  order: 'newest' | 'due'
}

/**
 * The WHERE of a list query, built from the filters given only (values always bound as parameters), as
 * ../sqlite/reports.ts shapeOf: a list and its count share it, so a figure is always the number of rows its list
 * shows. The fixed conditions are written as the partial indexes' (reports_public, reports_due_*) are.
 */
function shapeOf(q: ReportListQuery, p: Params): ListShape {
  const where: string[] = []
  const eq = (column: string, value: unknown) => {
    if (value != null) where.push(`r.${column} = ${p.add(value, 'text')}`)
  }
  const overdue = (at: string | undefined) => {
    if (at != null) where.push(`r.due_at IS NOT NULL AND r.due_at < ${p.add(at, 'timestamptz')}`)
  }
  if (q.kind === 'mine') {
    where.push(`r.reporter_id = ${p.add(q.reporterId, 'text')}`)
    if (q.open) where.push(`r.status IN ${OPEN}`)
    return { where, order: 'newest' }
  }
  if (q.kind === 'public') {
    where.push(`r.community_id = ${p.add(q.communityId, 'text')}`, "r.visibility = 'public'", "r.moderation = 'clean'", `r.status NOT IN ${UNLISTED}`)
    eq('category', q.category)
    return { where, order: 'newest' }
  }
  if (q.kind === 'queue') {
    if (q.level === 'grid') {
      const grids = [...new Set(q.gridIds)].map((g) => p.add(g, 'text'))
      where.push(grids.length === 1 ? `r.grid_id = ${grids[0]}` : `r.grid_id IN (${grids.join(', ') || 'NULL'})`, "r.level = 'grid'")
    } else {
      const area = areaColumnOf(areaOfQueue(q))
      where.push(`r.${area.column} = ${p.add(area.id, 'text')}`, `r.level = '${q.level}'`)
      eq('grid_id', q.gridId)
    }
    where.push('r.due_at IS NOT NULL')
    eq('status', q.status)
    overdue(q.overdueAt)
    return { where, order: 'due' }
  }
  const area = areaColumnOf(areaOfQuery(q))
  where.push(`r.${area.column} = ${p.add(area.id, 'text')}`)
  eq('status', q.status)
  eq('grid_id', q.gridId)
  eq('category', q.category)
  if (q.createdFrom != null) where.push(`r.created_at >= ${p.add(q.createdFrom, 'timestamptz')}`)
  if (q.createdTo != null) where.push(`r.created_at < ${p.add(q.createdTo, 'timestamptz')}`)
  overdue(q.overdueAt)
  return { where, order: 'newest' }
}

/** One page of a list: newest first by seq, or the queue's (due_at, seq); seq is unique, so ties never reorder. */
async function page(pool: Pool, q: ReportListQuery, limit: number, after: ReportCursor | null): Promise<ReportListRow[]> {
  const p = new Params()
  const { where, order } = shapeOf(q, p)
  if (order === 'newest') {
    if (after) where.push(`r.seq < ${p.add(after.seq, 'bigint')}`)
  } else if (after && 'dueAt' in after) {
    where.push(`(r.due_at, r.seq) > (${p.add(after.dueAt, 'timestamptz')}, ${p.add(after.seq, 'bigint')})`)
  }
  const orderBy = order === 'newest' ? 'ORDER BY r.seq DESC' : 'ORDER BY r.due_at, r.seq'
  return rows<ReportListRow>(pool, `${LIST} WHERE ${where.join(' AND ')} ${orderBy} LIMIT ${p.add(limit, 'integer')}`, p.values)
}

const WORKERS = `SELECT ug.user_id AS id FROM user_grids ug
  WHERE ug.grid_id = $1 AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = ug.user_id AND ur.role = 'gridWorker')
  ORDER BY ug.user_id COLLATE "C"`


const eventsOf = (db: Queryable, id: string) =>
  rows<ReportEventRow>(
    db,
    `SELECT e.id, e.at, e.actor_id, u.name AS actor_name, ${rolesJson('e.actor_id')} AS actor_roles,
       e.action, e.note, e.status, e.level, e.to_user_id, ed.name AS department_name,
       (SELECT coalesce(json_agg(p.file_id ORDER BY p.seq), '[]'::json)::text FROM report_photos p WHERE p.report_id = e.report_id AND p.event_id = e.id) AS photo_ids
     FROM report_events e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN departments ed ON ed.id = e.department_id
     WHERE e.report_id = $1 ORDER BY e.id`,
    [id],
  )

const heldOf = async (db: Queryable, id: string) =>
  (
    await rows<{ file_id: string; owner_id: string }>(
      db,
      `SELECT p.file_id, f.owner_id FROM report_photos p JOIN files f ON f.id = p.file_id WHERE p.report_id = $1 AND f.check_status NOT IN ('none', 'pass') ORDER BY p.file_id COLLATE "C"`,
      [id],
    )
  ).map((p) => ({ id: p.file_id, ownerId: p.owner_id }))

/** A report with all its view shows (report.get's detail), on the pool or inside a transaction. */
export async function reportDetail(db: Queryable, id: string, viewerId: string): Promise<ReportDetailRecord | null> {
  const report = await loadReport(db, id)
  if (!report) return null
  const events = await eventsOf(db, id)
  const m = await row<MediationRow>(db, 'SELECT kind, parties, outcome, agreement, updated_at FROM mediations WHERE report_id = $1', [id])
  const sessions = m
    ? await rows<MediationSessionRow>(
        db,
        `SELECT s.date, s.note, s.recorded_by, u.name, ${rolesJson('s.recorded_by')} AS roles
         FROM mediation_sessions s JOIN users u ON u.id = s.recorded_by WHERE s.report_id = $1 ORDER BY s.id`,
        [id],
      )
    : []
  const photos = await rows<{ file_id: string }>(db, 'SELECT file_id FROM report_photos WHERE report_id = $1 AND event_id IS NULL ORDER BY seq', [id])
  const supported = await row(db, 'SELECT 1 FROM report_supports WHERE report_id = $1 AND user_id = $2', [id, viewerId])
  return {
    report,
    photoIds: photos.map((p) => p.file_id),
    heldPhotos: await heldOf(db, id),
    events: events.map(reportEventRecord),
    mediation: m ? mediationRecord(m, sessions) : null,
    supportedByMe: supported !== null,
  }
}

/**
 * The detail of a report report.create has just inserted, on its transaction's connection before the commit: what
 * the insert itself fixed is not read again (its photos in the order given, no mediation, no supporter yet), so
 * it is the record, the timeline's one step and, with photos, which of them are held.
 */
export async function newReportDetail(db: Queryable, id: string, photoIds: string[]): Promise<ReportDetailRecord | null> {
  const report = await loadReport(db, id)
  if (!report) return null
  return {
    report,
    photoIds,
    heldPhotos: photoIds.length > 0 ? await heldOf(db, id) : [],
    events: (await eventsOf(db, id)).map(reportEventRecord),
    mediation: null,
    supportedByMe: false,
  }
}

export function reportQueries(
  pool: Pool,
): Pick<ReportRepo, 'get' | 'detail' | 'nearby' | 'list' | 'count' | 'keyState' | 'handlersOf' | 'workersOf' | 'departmentMembers' | 'counts' | 'deadlines'> {
  const ids = async (sql: string, params: unknown[]) => (await rows<{ id: string }>(pool, sql, params)).map((r) => r.id)

  return {
    get: (id) => loadReport(pool, id),

    detail: (id, viewerId) => reportDetail(pool, id, viewerId),

    async nearby(communityId, category, box) {
      const lat = (box.minLat + box.maxLat) / 2
      const lng = (box.minLng + box.maxLng) / 2
      const cos2 = Math.cos((lat * Math.PI) / 180) ** 2
      const found = await rows<ReportRow>(
        pool,
        `${BRIEF}
         WHERE r.category = $1 AND r.latitude BETWEEN $2::float8 AND $3::float8 AND r.longitude BETWEEN $4::float8 AND $5::float8
           AND r.visibility = 'public' AND r.moderation = 'clean' AND r.status IN ${OPEN} AND r.community_id = $6
         -- nearest first (a flat-earth distance ranks within 200 m), so a busy spot keeps its closest
         ORDER BY (r.latitude - $7::float8) * (r.latitude - $7::float8) + (r.longitude - $8::float8) * (r.longitude - $8::float8) * $9::float8, r.seq
         LIMIT 200`,
        [category, box.minLat, box.maxLat, box.minLng, box.maxLng, communityId, lat, lng, cos2],
      )
      return found.map(reportRecord)
    },

    async list(q, { limit, after }) {
      if (q.kind === 'queue' && q.level === 'grid') {
        // one index walk per grid (each in deadline order), merged: a worker's grids never sort the whole table
        const pages = await Promise.all([...new Set(q.gridIds)].map((grid) => page(pool, { ...q, gridIds: [grid] }, limit, after)))
        return pages
          .flat()
          .sort((a, b) => (a.due_at! < b.due_at! ? -1 : a.due_at! > b.due_at! ? 1 : a.seq - b.seq))
          .slice(0, limit)
          .map(reportListItem)
      }
      return (await page(pool, q, limit, after)).map(reportListItem)
    },

    async count(q) {
      const p = new Params()
      const { where } = shapeOf(q, p)
      return (await row<{ n: number }>(pool, `SELECT count(*) AS n FROM reports r WHERE ${where.join(' AND ')}`, p.values))?.n ?? 0
    },

    /** A plain read: change and support claim the key again inside their transactions. */
    async keyState(key) {
      const prior = await row<{ fingerprint: string }>(
        pool,
        'SELECT fingerprint FROM idempotency WHERE user_id = $1 AND action = $2 AND request_id = $3',
        [key.userId, key.action, key.requestId],
      )
      if (!prior) return 'new'
      return prior.fingerprint === key.fingerprint ? 'replayed' : 'keyReused'
    },

    async handlersOf(level, place) {
      if (level === 'grid') return ids(WORKERS, [place.gridId])
      if (level === 'community') {
        return ids(
          `SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'committee'
           WHERE u.community_id = $1 ORDER BY u.id COLLATE "C"`,
          [place.communityId],
        )
      }
      const id = place[TIER_KEY[level]]
      return id ? ids(tierStaffSql(level, '$1', ' COLLATE "C"'), [id]) : []
    },

    workersOf: (gridId) => ids(WORKERS, [gridId]),
    departmentMembers: (departmentId) =>
      ids(
        `SELECT dm.user_id AS id FROM department_members dm WHERE dm.department_id = $1
         AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = dm.user_id AND ur.role = 'department') ORDER BY dm.user_id COLLATE "C"`,
        [departmentId],
      ),

    async counts(area, { gridId, now }): Promise<ReportCounts> {
      const { column, id } = areaColumnOf(area)
      const p = { area: '$1::text', grid: '$2::text', now: '$3::timestamptz', collate: ' COLLATE "C"' }
      // one statement, one snapshot: the units in order, the tallies summed per unit, the overdue per unit
      const found = await row<{ units: { id: string; name: string }[]; tallies: TallyRow[]; overdue: { unit: string; n: number }[] }>(
        pool,
        `SELECT
           (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.ord), '[]') FROM (${unitsSql(column, p).list}) u) AS units,
           (SELECT coalesce(json_agg(t), '[]') FROM (${talliesSql(column, p)}) t) AS tallies,
           (SELECT coalesce(json_agg(o), '[]') FROM (${overdueByUnitSql(column, p)}) o) AS overdue`,
        [id, gridId ?? null, now],
      )
      return assembleCounts(found?.units ?? [], found?.tallies ?? [], found?.overdue ?? [])
    },

    async deadlines(communityId) {
      const found = await rows<{ category: ReportCategory; days: number }>(pool, 'SELECT category, days FROM report_deadlines WHERE community_id = $1', [communityId])
      return Object.fromEntries(found.map((d) => [d.category, d.days]))
    },
  }
}
