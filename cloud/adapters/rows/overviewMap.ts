import { parseBoundary, type MapCluster, type MapPoint, type MapShift } from '@/domain/overview'
import type { ReportCategory } from '@/domain/reports'
import { OPEN_STATUSES } from '@/domain/reports/flow'
import type { MapGridRecord, MapQuery, OverviewScope, PointExtent } from '../../overview/ports'
import { builder, communitiesOf, reportArea, type Sql } from './overview'
import { sqlList } from './sql'

/**
 * 一张图's SQL, written once for both engines (`?` placeholders; PostgreSQL numbers them), with the dialect's few
 * pieces: a byte-order collation for ids, and the cell index of a coordinate (a floor of a positive number).
 */
export interface MapDialect {
  collate: string
  cellOf(expr: string, cell: string): string
}

export type { Sql }

const OPEN = sqlList(OPEN_STATUSES)
const SEATED = `('confirmed', 'checkedIn', 'checkedOut', 'noShow')`

/** The grids of the scope (alias g). */
function gridsOf(scope: OverviewScope, p: (v: unknown) => string): string {
  if (scope.kind === 'grids') return `g.id IN (${scope.gridIds.map(p).join(', ')})`
  if (scope.kind === 'community') return `g.community_id = ${p(scope.id)}`
  return `g.community_id IN (${communitiesOf(scope, p)})`
}

/**
 * Two aggregates over the area's reports grouped by grid, joined to the grids (a grid without reports: zeros): the
 * open ones now (an area/status index range: few rows even where the area has many) and those created in the period.
 * Overdue is among the open: due_at is set only while a report waits (accept_by, then resolve_by).
 */
export function mapGridsSql(d: MapDialect, q: MapQuery): Sql {
  const { values, p } = builder()
  // placeholders in the order they appear in the text
  const now = p(q.now)
  const openArea = reportArea(q.scope, p)
  const periodArea = reportArea(q.scope, p)
  const start = p(q.start)
  const end = p(q.end)
  const text = `WITH o AS (
      SELECT r.grid_id, count(*) AS open, sum(CASE WHEN r.due_at IS NOT NULL AND r.due_at < ${now} THEN 1 ELSE 0 END) AS overdue
      FROM reports r WHERE ${openArea} AND r.status IN ${OPEN} GROUP BY r.grid_id
    ), n AS (
      SELECT r.grid_id, count(*) AS reports FROM reports r
      WHERE ${periodArea} AND r.created_at >= ${start} AND r.created_at < ${end} GROUP BY r.grid_id
    )
    SELECT g.id, g.name, g.boundary, COALESCE(o.open, 0) AS open, COALESCE(o.overdue, 0) AS overdue, COALESCE(n.reports, 0) AS reports
    FROM grids g JOIN communities c ON c.id = g.community_id LEFT JOIN o ON o.grid_id = g.id LEFT JOIN n ON n.grid_id = g.id
    WHERE ${gridsOf(q.scope, p)}
    ORDER BY c.seq, c.id${d.collate}, g.seq, g.id${d.collate}`
  return { text, values }
}

/** The open located reports of the period (alias r), with their placeholders. */
function pointsWhere(q: MapQuery, p: (v: unknown) => string): string {
  return `${reportArea(q.scope, p)} AND r.status IN ${OPEN} AND r.latitude IS NOT NULL AND r.longitude IS NOT NULL
      AND r.created_at >= ${p(q.start)} AND r.created_at < ${p(q.end)}`
}

export function pointExtentSql(q: MapQuery): Sql {
  const { values, p } = builder()
  const text = `SELECT count(*) AS n, min(r.latitude) AS "minLat", max(r.latitude) AS "maxLat", min(r.longitude) AS "minLng", max(r.longitude) AS "maxLng"
    FROM reports r WHERE ${pointsWhere(q, p)}`
  return { text, values }
}

export function pointsSql(d: MapDialect, q: MapQuery, limit: number): Sql {
  const { values, p } = builder()
  const now = p(q.now)
  const text = `SELECT r.id, r.category, r.grid_id AS "gridId", r.latitude, r.longitude,
      CASE WHEN r.due_at IS NOT NULL AND r.due_at < ${now} THEN 1 ELSE 0 END AS overdue
    FROM reports r WHERE ${pointsWhere(q, p)}
    ORDER BY r.created_at DESC, r.id${d.collate} LIMIT ${p(limit)}`
  return { text, values }
}

export function clustersSql(d: MapDialect, q: MapQuery, cell: number): Sql {
  const { values, p } = builder()
  // placeholders in the order they appear in the text; GROUP BY by position so that the cell parameters appear once
  const lat = d.cellOf('r.latitude + 90.0', p(cell))
  const lng = d.cellOf('r.longitude + 180.0', p(cell))
  const now = p(q.now)
  const text = `SELECT ${lat} AS cy, ${lng} AS cx, count(*) AS n, avg(r.latitude) AS latitude, avg(r.longitude) AS longitude,
      sum(CASE WHEN r.due_at IS NOT NULL AND r.due_at < ${now} THEN 1 ELSE 0 END) AS overdue
    FROM reports r WHERE ${pointsWhere(q, p)}
    GROUP BY 1, 2`
  return { text, values }
}

export function shiftsBetweenSql(d: MapDialect, scope: OverviewScope, dayStart: string, dayEnd: string, limit: number): Sql {
  const { values, p } = builder()
  const text = `SELECT s.id, s.title, c.name AS "communityName", s.latitude, s.longitude, s.radius, s.start_at AS "startAt", s.end_at AS "endAt",
      s.capacity, (SELECT count(*) FROM shift_signups ss WHERE ss.shift_id = s.id AND ss.status IN ${SEATED}) AS filled
    FROM shifts s JOIN communities c ON c.id = s.community_id
    WHERE s.community_id IN (${communitiesOf(scope, p)}) AND s.status = 'scheduled' AND s.start_at >= ${p(dayStart)} AND s.start_at < ${p(dayEnd)}
    ORDER BY s.start_at, s.id${d.collate} LIMIT ${p(limit)}`
  return { text, values }
}

// ---------- rows to records (counts arrive as strings from PostgreSQL, instants as Dates) ----------

type Raw = Record<string, unknown>
const num = (v: unknown): number => Number(v ?? 0)
const orNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v))
/** Mean positions to 1e-6° (about 0.1 m): both engines' float sums agree there. */
const deg = (v: unknown): number => Math.round(Number(v) * 1e6) / 1e6

export const gridRecord = (r: Raw): MapGridRecord => ({
  id: String(r.id),
  name: String(r.name),
  boundary: parseBoundary(r.boundary),
  open: num(r.open),
  overdue: num(r.overdue),
  reports: num(r.reports),
})

export const extentRecord = (r: Raw | undefined): PointExtent => ({
  n: num(r?.n),
  minLat: orNull(r?.minLat),
  maxLat: orNull(r?.maxLat),
  minLng: orNull(r?.minLng),
  maxLng: orNull(r?.maxLng),
})

export const pointRecord = (r: Raw): MapPoint => ({
  id: String(r.id),
  category: r.category as ReportCategory,
  gridId: String(r.gridId),
  latitude: Number(r.latitude),
  longitude: Number(r.longitude),
  overdue: num(r.overdue) > 0,
})

/** Clusters in cell order (south to north, west to east): the engines' GROUP BY orders differ. */
export function clusterRecords(rows: Raw[]): MapCluster[] {
  return rows
    .map((r) => ({ cy: num(r.cy), cx: num(r.cx), c: { latitude: deg(r.latitude), longitude: deg(r.longitude), count: num(r.n), overdue: num(r.overdue) } }))
    .sort((a, b) => a.cy - b.cy || a.cx - b.cx)
    .map((x) => x.c)
}

export const shiftRecord = (r: Raw): MapShift => ({
  id: String(r.id),
  title: String(r.title),
  communityName: String(r.communityName),
  latitude: Number(r.latitude),
  longitude: Number(r.longitude),
  radius: num(r.radius),
  startAt: iso(r.startAt),
  endAt: iso(r.endAt),
  capacity: num(r.capacity),
  filled: num(r.filled),
})
