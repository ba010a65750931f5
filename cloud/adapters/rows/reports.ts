/**
 * The reports feature's rows as both engines read them (the same columns and names in SQLite and PostgreSQL:
 * PostgreSQL's SELECTs render `anonymous` as 0/1 and the role and photo lists as JSON text, as SQLite's
 * json_group_array does), and the records the ports speak. Each engine's adapter writes its own SQL.
 */
import type { ReportCategory, ReportLevel, ReportStatus } from '@/domain/reports'
import { OPEN_STATUSES, SETTLED_STATUSES } from '@/domain/reports/flow'
import type { Role } from '@/domain/shared/roles'
import type {
  DispatchStatus,
  MediationRecord,
  ReportArea,
  ReportCounts,
  ReportDispatchInfo,
  ReportEventRecord,
  ReportListItem,
  ReportListQuery,
  ReportRecord,
} from '../../reports/ports'
export type { ReportUnitCount } from '../../reports/ports'

export interface ReportRow {
  seq: number
  id: string
  community_id: string
  street_id: string
  district_id: string | null
  city_id: string | null
  grid_id: string
  grid_name: string
  grid_phone: string | null
  reporter_id: string
  reporter_name: string
  reporter_phone: string | null
  category: ReportCategory
  description: string
  latitude: number | null
  longitude: number | null
  address: string | null
  coord_source: 'gcj02' | 'wgs84' | null
  anonymous: number
  visibility: 'public' | 'private'
  moderation: 'clean' | 'review'
  status: ReportStatus
  level: ReportLevel
  max_level: ReportLevel
  assignee_id: string | null
  assignee_name: string | null
  accept_by: string
  resolve_by: string
  due_at: string | null
  supporters: number
  reopen_count: number
  accepted_at: string | null
  resolved_at: string | null
  closed_at: string | null
  rating: number | null
  rating_comment: string | null
  rated_at: string | null
  created_at: string
  updated_at: string
  version: number
  cover: string | null
  /** the live dispatch (LEFT JOIN report_dispatches): all null when none */
  dispatch_id?: string | null
  dispatch_department_id?: string | null
  dispatch_department_name?: string | null
  dispatch_status?: DispatchStatus | null
  dispatch_level?: ReportLevel | null
  dispatch_at?: string | null
  dispatch_days?: number | null
  dispatch_due_at?: string | null
}

function dispatchOf(r: ReportRow): ReportDispatchInfo | null {
  if (!r.dispatch_id) return null
  return {
    id: r.dispatch_id,
    departmentId: r.dispatch_department_id ?? '',
    departmentName: r.dispatch_department_name ?? '',
    status: r.dispatch_status ?? 'pending',
    level: r.dispatch_level ?? 'community',
    dispatchedAt: r.dispatch_at ?? '',
    days: r.dispatch_days ?? 0,
    dueAt: r.dispatch_due_at ?? '',
  }
}

export function reportRecord(r: ReportRow): ReportRecord {
  return {
    seq: r.seq,
    id: r.id,
    communityId: r.community_id,
    streetId: r.street_id,
    districtId: r.district_id,
    cityId: r.city_id,
    gridId: r.grid_id,
    gridName: r.grid_name,
    gridPhone: r.grid_phone,
    reporterId: r.reporter_id,
    reporterName: r.reporter_name,
    reporterPhone: r.reporter_phone,
    category: r.category,
    description: r.description,
    latitude: r.latitude,
    longitude: r.longitude,
    address: r.address,
    coordSource: r.coord_source,
    anonymous: r.anonymous === 1,
    visibility: r.visibility,
    moderation: r.moderation,
    status: r.status,
    level: r.level,
    maxLevel: r.max_level,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    acceptBy: r.accept_by,
    resolveBy: r.resolve_by,
    dueAt: r.due_at,
    supporters: r.supporters,
    reopenCount: r.reopen_count,
    acceptedAt: r.accepted_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    rating: r.rating,
    ratingComment: r.rating_comment,
    ratedAt: r.rated_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    cover: r.cover,
    ...(r.dispatch_id ? { dispatch: dispatchOf(r) } : {}),
  }
}

/**
 * A list's columns (ReportListItem: the summary and the viewer's access), `anonymous` as the engine renders it
 * as 0/1: two joins (grid, reporter) and the live dispatch's department, the cover photo the summary shows.
 */
export const listColumns = (anonymous: string) => `r.seq, r.id, r.community_id, r.street_id, r.district_id, r.city_id,
  r.grid_id, g.name AS grid_name, r.reporter_id, ru.name AS reporter_name, r.category,
  substr(r.description, 1, 80) AS description, r.address, ${anonymous} AS anonymous, r.visibility, r.moderation,
  r.status, r.level, r.accept_by, r.resolve_by, r.due_at, r.supporters, r.resolved_at, r.rating, r.created_at,
  (SELECT p.file_id FROM report_photos p JOIN files f ON f.id = p.file_id WHERE p.report_id = r.id AND p.event_id IS NULL AND f.check_status IN ('none', 'pass') ORDER BY p.seq LIMIT 1) AS cover,
  (SELECT rd.department_id FROM report_dispatches rd WHERE rd.report_id = r.id AND rd.status IN ('pending', 'accepted')) AS dispatch_department_id`
export const LIST_JOINS = 'JOIN grids g ON g.id = r.grid_id JOIN users ru ON ru.id = r.reporter_id'

export type ReportListRow = Pick<
  ReportRow,
  | 'seq' | 'id' | 'community_id' | 'street_id' | 'district_id' | 'city_id' | 'grid_id' | 'grid_name' | 'reporter_id'
  | 'reporter_name' | 'category' | 'description' | 'address' | 'anonymous' | 'visibility' | 'moderation' | 'status'
  | 'level' | 'accept_by' | 'resolve_by' | 'due_at' | 'supporters' | 'resolved_at' | 'rating' | 'created_at' | 'cover'
  | 'dispatch_department_id'
>

export function reportListItem(r: ReportListRow): ReportListItem {
  return {
    seq: r.seq,
    id: r.id,
    communityId: r.community_id,
    streetId: r.street_id,
    districtId: r.district_id,
    cityId: r.city_id,
    gridId: r.grid_id,
    gridName: r.grid_name,
    reporterId: r.reporter_id,
    reporterName: r.reporter_name,
    category: r.category,
    description: r.description,
    address: r.address,
    anonymous: r.anonymous === 1,
    visibility: r.visibility,
    moderation: r.moderation,
    status: r.status,
    level: r.level,
    acceptBy: r.accept_by,
    resolveBy: r.resolve_by,
    dueAt: r.due_at,
    supporters: r.supporters,
    resolvedAt: r.resolved_at,
    rating: r.rating,
    createdAt: r.created_at,
    cover: r.cover,
    ...(r.dispatch_department_id ? { dispatch: { departmentId: r.dispatch_department_id } } : {}),
  }
}

/** A JSON array of roles (an actor's or a recorder's); null: none. */
const rolesOf = (json: string | null) => (json ? (JSON.parse(json) as Role[]) : [])

export interface ReportEventRow {
  id: number
  at: string
  actor_id: string | null
  actor_name: string | null
  actor_roles: string | null
  action: string
  note: string | null
  status: ReportStatus
  level: ReportLevel
  to_user_id: string | null
  department_name?: string | null
  /** JSON array of file ids in photo order */
  photo_ids: string
}

export function reportEventRecord(e: ReportEventRow): ReportEventRecord {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actor_id,
    actorName: e.actor_name,
    actorRoles: rolesOf(e.actor_roles),
    ...(e.department_name ? { departmentName: e.department_name } : {}),
    action: e.action,
    note: e.note,
    status: e.status,
    level: e.level,
    toUserId: e.to_user_id,
    photoIds: JSON.parse(e.photo_ids) as string[],
  }
}

export interface MediationRow {
  kind: MediationRecord['kind']
  parties: string
  outcome: MediationRecord['outcome']
  agreement: string | null
  updated_at: string
}

export interface MediationSessionRow {
  date: string
  note: string
  recorded_by: string
  name: string
  roles: string | null
}

export function mediationRecord(m: MediationRow, sessions: MediationSessionRow[]): MediationRecord {
  return {
    kind: m.kind,
    parties: JSON.parse(m.parties) as MediationRecord['parties'],
    outcome: m.outcome,
    agreement: m.agreement,
    updatedAt: m.updated_at,
    sessions: sessions.map((s) => ({
      date: s.date,
      note: s.note,
      recordedById: s.recorded_by,
      recordedByName: s.name,
      recordedByRoles: rolesOf(s.roles),
    })),
  }
}

export type AreaColumn = 'community_id' | 'street_id' | 'district_id' | 'city_id'

/** The column that holds an area's id on a report (each has its indexes), and the id. */
export function areaColumnOf(area: ReportArea): { column: AreaColumn; id: string } {
  if ('communityId' in area) return { column: 'community_id', id: area.communityId }
  if ('streetId' in area) return { column: 'street_id', id: area.streetId }
  if ('districtId' in area) return { column: 'district_id', id: area.districtId }
  return { column: 'city_id', id: area.cityId }
}

type AreaQuery = Extract<ReportListQuery, { kind: 'area' }>
type TierQueue = Exclude<Extract<ReportListQuery, { kind: 'queue' }>, { level: 'grid' }>

/** The area of a whole-area list (exactly one of its ids is given; the use case sets it). */
export function areaOfQuery(q: AreaQuery): ReportArea {
  if (q.communityId) return { communityId: q.communityId }
  if (q.streetId) return { streetId: q.streetId }
  if (q.districtId) return { districtId: q.districtId }
  if (q.cityId) return { cityId: q.cityId }
  throw new Error('an area list names no area')
}

/** The area of a queue above the grid: the reports at that level in the handler's area. */
export function areaOfQueue(q: TierQueue): ReportArea {
  switch (q.level) {
    case 'community':
      return { communityId: q.communityId }
    case 'street':
      return { streetId: q.streetId }
    case 'district':
      return { districtId: q.districtId }
    case 'city':
      return { cityId: q.cityId }
  }
}

/**
 * The staff of a tier whose area holds a place, by the community they belong to; `param` is the engine's
 * placeholder for the area's id. Lowest id first (byte order, as both engines sort with COLLATE "C" there).
 */
export function tierStaffSql(tier: 'street' | 'district' | 'city', param: string, collate = ''): string {
  const where = { street: `c.street_id = ${param}`, district: `s.district_id = ${param}`, city: `d.city_id = ${param}` }[tier]
  return `SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = '${tier}'
    JOIN communities c ON c.id = u.community_id JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id
    WHERE ${where} ORDER BY u.id${collate}`
}


/**
 * The units an area's overview breaks down into, as a subquery of (id, name, ord), and the report column that
 * names them: a community's and a street's grids, a district's streets, a city's districts. `area` and `grid`
 * are the engine's placeholders (the grid filter keeps only the unit that holds that grid).
 */
export function unitsSql(column: AreaColumn, p: { area: string; grid: string; collate?: string }): { list: string; column: AreaColumn | 'grid_id' } {
  const c = p.collate ?? ''
  switch (column) {
    case 'community_id':
      return {
        list: `SELECT g.id, g.name, row_number() OVER (ORDER BY g.seq, g.id${c}) AS ord FROM grids g
          WHERE g.community_id = ${p.area} AND (${p.grid} IS NULL OR g.id = ${p.grid})`,
        column: 'grid_id',
      }
    case 'street_id':
      return {
        list: `SELECT g.id, c.name || ' ' || g.name AS name, row_number() OVER (ORDER BY c.seq, g.seq, g.id${c}) AS ord
          FROM grids g JOIN communities c ON c.id = g.community_id
          WHERE c.street_id = ${p.area} AND (${p.grid} IS NULL OR g.id = ${p.grid})`,
        column: 'grid_id',
      }
    case 'district_id':
      return {
        list: `SELECT s.id, s.name, row_number() OVER (ORDER BY s.seq, s.id${c}) AS ord FROM streets s
          WHERE s.district_id = ${p.area} AND (${p.grid} IS NULL OR s.id IN
            (SELECT c.street_id FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.id = ${p.grid}))`,
        column: 'street_id',
      }
    case 'city_id':
      return {
        list: `SELECT d.id, d.name, row_number() OVER (ORDER BY d.seq, d.id${c}) AS ord FROM districts d
          WHERE d.city_id = ${p.area} AND (${p.grid} IS NULL OR d.id IN (SELECT s.district_id FROM grids g
            JOIN communities c ON c.id = g.community_id JOIN streets s ON s.id = c.street_id WHERE g.id = ${p.grid}))`,
        column: 'district_id',
      }
  }
}

/** A tally line of an area's overview, summed over the unit's grids (migration 016 of each engine). */
export interface TallyRow {
  unit: string
  status: ReportStatus
  category: ReportCategory
  /** a dispute that stayed at grid or community level (0/1 on SQLite, boolean on PostgreSQL) */
  local: number | boolean
  n: number
}

/**
 * The report_tallies of an area, summed per unit (a community's or street's grids, a district's streets, a
 * city's districts), status, category and local; the area is the organisation's (grids under it). `area` and
 * `grid` are the engine's placeholders.
 */
export function talliesSql(column: AreaColumn, p: { area: string; grid: string }): string {
  const unit = { community_id: 't.grid_id', street_id: 't.grid_id', district_id: 'c.street_id', city_id: 's.district_id' }[column]
  const where = { community_id: 'g.community_id', street_id: 'c.street_id', district_id: 's.district_id', city_id: 'd.city_id' }[column]
  return `SELECT ${unit} AS unit, t.status, t.category, t.local, sum(t.n) AS n
    FROM report_tallies t JOIN grids g ON g.id = t.grid_id JOIN communities c ON c.id = g.community_id
    JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id
    WHERE ${where} = ${p.area} AND (${p.grid} IS NULL OR t.grid_id = ${p.grid}) AND t.n > 0
    GROUP BY ${unit}, t.status, t.category, t.local`
}

/** The area's overdue reports per unit (open reports only have a due date; each engine picks the index that serves it). */
export function overdueByUnitSql(column: AreaColumn, p: { area: string; grid: string; now: string }): string {
  const unit = unitsSql(column, { area: p.area, grid: p.grid }).column
  return `SELECT r.${unit} AS unit, count(*) AS n FROM reports r
    WHERE r.${column} = ${p.area} AND (${p.grid} IS NULL OR r.grid_id = ${p.grid}) AND r.due_at IS NOT NULL AND r.due_at < ${p.now}
    GROUP BY r.${unit}`
}

const byKey = <T extends string>(m: Map<T, number>) =>
  [...m].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/** The overview from its units (in order), its tallies and its overdue counts: the same on both engines. */
export function assembleCounts(units: { id: string; name: string }[], tallies: TallyRow[], overdue: { unit: string; n: number }[]): ReportCounts {
  const status = new Map<ReportStatus, number>()
  const category = new Map<ReportCategory, number>()
  const perUnit = new Map<string, { total: number; open: number }>()
  let settled = 0
  let local = 0
  for (const t of tallies) {
    const n = Number(t.n)
    status.set(t.status, (status.get(t.status) ?? 0) + n)
    category.set(t.category, (category.get(t.category) ?? 0) + n)
    const u = perUnit.get(t.unit) ?? { total: 0, open: 0 }
    u.total += n
    if (OPEN_STATUSES.includes(t.status)) u.open += n
    perUnit.set(t.unit, u)
    if (t.category === 'dispute' && SETTLED_STATUSES.includes(t.status)) {
      settled += n
      if (t.local === true || t.local === 1) local += n
    }
  }
  const late = new Map(overdue.map((o) => [o.unit, Number(o.n)]))
  return {
    byStatus: byKey(status).map(([s, n]) => ({ status: s, n })),
    byCategory: byKey(category).map(([c, n]) => ({ category: c, n })),
    byUnit: units.map((u) => ({ id: u.id, name: u.name, total: perUnit.get(u.id)?.total ?? 0, open: perUnit.get(u.id)?.open ?? 0, overdue: late.get(u.id) ?? 0 })),
    overdue: overdue.reduce((sum, o) => sum + Number(o.n), 0),
    disputesSettled: settled,
    disputesSettledLocally: local,
  }
}
