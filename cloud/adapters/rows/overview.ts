import type { AreaKind } from '@/domain/overview'
import type { ReportCategory } from '@/domain/reports'
import { OPEN_STATUSES, SETTLED_STATUSES } from '@/domain/reports/flow'
import type { OverviewFigures, OverviewQuery, OverviewScope, PercentileRow, PlaceRecord } from '../../overview/ports'
import { sqlList } from './sql'

/**
 * 总览's SQL, written once for both engines: `?` placeholders (PostgreSQL numbers them), and the few dialect
 * pieces each engine gives (hours between two instants, an instant's China day, a byte-order collation).
 */
export interface Dialect {
  hours(later: string, earlier: string): string
  chinaDay(instant: string): string
  /** appended to an ORDER BY on ids so that both engines sort them the same */
  collate: string
}

export interface Sql {
  text: string
  values: unknown[]
}

const LOCAL = `('grid', 'community')`
const OPEN = sqlList(OPEN_STATUSES)
const SETTLED = sqlList(SETTLED_STATUSES)

/** The report column that names a sub-area of the scope. */
export function unitColumn(scope: OverviewScope): string {
  switch (scope.kind) {
    case 'grids':
    case 'community':
      return 'grid_id'
    case 'street':
      return 'community_id'
    case 'district':
      return 'street_id'
    case 'city':
      return 'district_id'
  }
}

/** A statement's values, and `p` to add one and write its placeholder. */
export function builder() {
  const values: unknown[] = []
  const p = (v: unknown) => {
    values.push(v)
    return '?'
  }
  return { values, p }
}

/** The reports of the scope (alias r). */
export function reportArea(scope: OverviewScope, p: (v: unknown) => string): string {
  if (scope.kind === 'grids') return `r.grid_id IN (${scope.gridIds.map(p).join(', ')})`
  return `r.${scope.kind}_id = ${p(scope.id)}`
}

export function byDaySql(d: Dialect, q: OverviewQuery): Sql {
  const { values, p } = builder()
  const day = d.chinaDay('r.created_at')
  const text = `SELECT ${day} AS day, count(*) AS n FROM reports r
    WHERE ${reportArea(q.scope, p)} AND r.created_at >= ${p(q.start)} AND r.created_at < ${p(q.end)}
    GROUP BY ${day} ORDER BY ${day}`
  return { text, values }
}

export function talliesSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const unit = unitColumn(q.scope)
  const count = (cond: string) => `sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`
  const text = `SELECT r.category AS category, r.${unit} AS unit, count(*) AS n,
      ${count('r.accepted_at IS NOT NULL AND r.accepted_at <= r.accept_by')} AS "acceptOnTime",
      ${count(`r.accepted_at IS NOT NULL OR (r.status IN ('submitted', 'returned') AND r.accept_by < ${p(q.now)})`)} AS "acceptDue",
      ${count('r.resolved_at IS NOT NULL AND r.resolved_at <= r.resolve_by')} AS "resolveOnTime",
      ${count(`r.resolved_at IS NOT NULL OR (r.status IN ${OPEN} AND r.resolve_by < ${p(q.now)})`)} AS "resolveDue",
      ${count('r.resolved_at IS NOT NULL OR r.reopen_count > 0')} AS "resolvedEver",
      ${count('r.reopen_count > 0')} AS reopened,
      ${count(`r.category = 'dispute' AND r.max_level IN ${LOCAL} AND r.status IN ${SETTLED}`)} AS "settledLocally",
      ${count(`r.category = 'dispute' AND r.max_level NOT IN ${LOCAL}`)} AS escalated,
      ${count(`r.category = 'dispute' AND r.max_level IN ${LOCAL} AND r.status IN ${OPEN}`)} AS "openLocal"
    FROM reports r
    WHERE ${reportArea(q.scope, p)} AND r.created_at >= ${p(q.start)} AND r.created_at < ${p(q.end)}
    GROUP BY r.category, r.${unit}`
  return { text, values }
}

/**
 * Nearest-rank median and 90th percentile of the hours from creation to `column` (accepted_at, resolved_at) of
 * the period's reports: overall, per category and per sub-area, by window functions (ranks 0.5·n and 0.9·n
 * rounded up).
 */
export function percentilesSql(d: Dialect, q: OverviewQuery, column: 'accepted_at' | 'resolved_at'): Sql {
  const { values, p } = builder()
  const unit = unitColumn(q.scope)
  const pick = (rank: string, n: string) =>
    `max(${n}) AS n, max(CASE WHEN ${rank} = (${n} + 1) / 2 THEN h END) AS median, max(CASE WHEN ${rank} = (9 * ${n} + 9) / 10 THEN h END) AS p90`
  const text = `WITH t AS (
      SELECT r.category AS category, r.${unit} AS unit, ${d.hours(`r.${column}`, 'r.created_at')} AS h FROM reports r
      WHERE ${reportArea(q.scope, p)} AND r.created_at >= ${p(q.start)} AND r.created_at < ${p(q.end)} AND r.${column} IS NOT NULL
    ), ranked AS (
      SELECT category, unit, h,
        row_number() OVER (ORDER BY h) AS ra, count(*) OVER () AS na,
        row_number() OVER (PARTITION BY category ORDER BY h) AS rc, count(*) OVER (PARTITION BY category) AS nc,
        row_number() OVER (PARTITION BY unit ORDER BY h) AS ru, count(*) OVER (PARTITION BY unit) AS nu
      FROM t
    )
    SELECT 'all' AS grp, 'all' AS key, ${pick('ra', 'na')} FROM ranked
    UNION ALL SELECT 'category' AS grp, category AS key, ${pick('rc', 'nc')} FROM ranked GROUP BY category
    UNION ALL SELECT 'unit' AS grp, unit AS key, ${pick('ru', 'nu')} FROM ranked WHERE unit IS NOT NULL GROUP BY unit`
  return { text, values }
}

/**
 * Open reports now per sub-area (any creation date), from report_tallies (migration 016: kept per grid by triggers),
 * as report.summary counts them: a city's figure does not read its million reports.
 */
export function openNowSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const s = q.scope
  const joins = 'JOIN grids g ON g.id = t.grid_id JOIN communities c ON c.id = g.community_id JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id'
  const [unit, where] =
    s.kind === 'grids'
      ? ['t.grid_id', `t.grid_id IN (${s.gridIds.map(p).join(', ')})`]
      : ({
          community: ['t.grid_id', 'g.community_id'],
          street: ['g.community_id', 'c.street_id'],
          district: ['c.street_id', 's.district_id'],
          city: ['s.district_id', 'd.city_id'],
        }[s.kind] as [string, string]).map((x, i) => (i === 1 ? `${x} = ${p(s.id)}` : x))
  const text = `SELECT ${unit} AS unit, sum(t.n) AS open FROM report_tallies t ${joins}
    WHERE ${where} AND t.status IN ${OPEN} GROUP BY ${unit}`
  return { text, values }
}

/** Reports past the deadline that runs now per sub-area (any creation date): only open ones have a due_at (its partial indexes). */
export function overdueNowSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const unit = unitColumn(q.scope)
  const text = `SELECT r.${unit} AS unit, count(*) AS overdue FROM reports r
    WHERE ${reportArea(q.scope, p)} AND r.due_at IS NOT NULL AND r.due_at < ${p(q.now)} GROUP BY r.${unit}`
  return { text, values }
}

export function ratingsSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const unit = unitColumn(q.scope)
  const text = `SELECT r.${unit} AS unit, r.assignee_id AS "handlerId", u.name AS "handlerName", count(*) AS rated,
      sum(CASE WHEN r.rating >= 4 THEN 1 ELSE 0 END) AS good, sum(r.rating) AS sum
    FROM reports r LEFT JOIN users u ON u.id = r.assignee_id
    WHERE ${reportArea(q.scope, p)} AND r.rated_at >= ${p(q.start)} AND r.rated_at < ${p(q.end)} AND r.rating IS NOT NULL
    GROUP BY r.${unit}, r.assignee_id, u.name`
  return { text, values }
}

/** Dispatches (交办) of the area's reports made in the period, per department: resolved, on time, returned, overdue now. */
export function departmentsSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const text = `SELECT d.id AS "departmentId", d.name AS name, count(*) AS dispatched,
      sum(CASE WHEN x.status = 'resolved' THEN 1 ELSE 0 END) AS resolved,
      sum(CASE WHEN x.status = 'resolved' AND x.finished_at <= x.due_at THEN 1 ELSE 0 END) AS "onTime",
      sum(CASE WHEN x.status = 'returned' THEN 1 ELSE 0 END) AS returned,
      sum(CASE WHEN x.status IN ('pending', 'accepted') AND x.due_at < ${p(q.now)} THEN 1 ELSE 0 END) AS overdue
    FROM report_dispatches x JOIN reports r ON r.id = x.report_id JOIN departments d ON d.id = x.department_id
    WHERE ${reportArea(q.scope, p)} AND x.dispatched_at >= ${p(q.start)} AND x.dispatched_at < ${p(q.end)}
    GROUP BY d.id, d.name`
  return { text, values }
}

export const COMMENT_LIMIT = 20

export function commentsSql(d: Dialect, q: OverviewQuery): Sql {
  const { values, p } = builder()
  const text = `SELECT r.id AS "reportId", r.rating AS score, r.rating_comment AS comment, r.rated_at AS at, r.category AS category,
      r.${unitColumn(q.scope)} AS unit
    FROM reports r
    WHERE ${reportArea(q.scope, p)} AND r.rated_at >= ${p(q.start)} AND r.rated_at < ${p(q.end)} AND r.rating IS NOT NULL
      AND r.rating_comment IS NOT NULL AND r.rating_comment <> ''
    ORDER BY r.rated_at DESC, r.id${d.collate} DESC LIMIT ${COMMENT_LIMIT}`
  return { text, values }
}

export function warningsSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const s = q.scope
  const join =
    s.kind === 'grids' || s.kind === 'community'
      ? ''
      : `JOIN communities c ON c.id = w.community_id JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id`
  const where =
    s.kind === 'grids'
      ? `w.grid_id IN (${s.gridIds.map(p).join(', ')})`
      : s.kind === 'community'
        ? `w.community_id = ${p(s.id)}`
        : `${{ street: 'c.street_id', district: 's.district_id', city: 'd.city_id' }[s.kind]} = ${p(s.id)}`
  const text = `SELECT count(*) AS n FROM warnings w ${join} WHERE ${where} AND w.raised_at >= ${p(q.start)} AND w.raised_at < ${p(q.end)}`
  return { text, values }
}

/** The communities of the scope (a grid's community for grids: notices, motions and patrols are the community's). */
export function communitiesOf(scope: OverviewScope, p: (v: unknown) => string): string {
  if (scope.kind === 'grids') return `SELECT g.community_id FROM grids g WHERE g.id IN (${scope.gridIds.map(p).join(', ')})`
  if (scope.kind === 'community') return `SELECT c.id FROM communities c WHERE c.id = ${p(scope.id)}`
  if (scope.kind === 'street') return `SELECT c.id FROM communities c WHERE c.street_id = ${p(scope.id)}`
  const up = 'FROM communities c JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id'
  return scope.kind === 'district' ? `SELECT c.id ${up} WHERE s.district_id = ${p(scope.id)}` : `SELECT c.id ${up} WHERE d.city_id = ${p(scope.id)}`
}

/** For a grid scope, keeps people and households of those grids only (`column`: their grid column). */
const inGrids = (scope: OverviewScope, column: string, p: (v: unknown) => string) =>
  scope.kind === 'grids' ? ` AND ${column} IN (${scope.gridIds.map(p).join(', ')})` : ''

/**
 * Notices published in the period (not withdrawn) and their audience as notice.stats counts it: residents and
 * volunteers of the community living in the notice's grids; how many of them read it, and confirmed the important.
 */
export function noticesSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const text = `WITH n AS (
      SELECT id, community_id, whole_community, important FROM notices
      WHERE community_id IN (${communitiesOf(q.scope, p)}) AND publish_at >= ${p(q.start)} AND publish_at < ${p(q.end)} AND withdrawn_at IS NULL
    ), aud AS (
      SELECT n.id AS notice_id, n.important, u.id AS user_id FROM n JOIN users u ON u.community_id = n.community_id AND u.grid_id IS NOT NULL
      WHERE EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role IN ('resident', 'volunteer'))
        AND (n.whole_community = TRUE OR u.grid_id IN (SELECT ng.grid_id FROM notice_grids ng WHERE ng.notice_id = n.id))${inGrids(q.scope, 'u.grid_id', p)}
    )
    SELECT (SELECT count(*) FROM n) AS notices, (SELECT count(*) FROM n WHERE n.important = TRUE) AS important,
      (SELECT count(*) FROM aud) AS audience,
      (SELECT count(*) FROM aud a JOIN notice_reads r ON r.notice_id = a.notice_id AND r.user_id = a.user_id) AS read,
      (SELECT count(*) FROM aud a WHERE a.important = TRUE) AS "importantAudience",
      (SELECT count(r.confirmed_at) FROM aud a JOIN notice_reads r ON r.notice_id = a.notice_id AND r.user_id = a.user_id WHERE a.important = TRUE) AS confirmed`
  return { text, values }
}

/** Motions closed in the period: voters who took part, of the eligible base (adults or households) fixed when voting opened. */
export function motionsSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const text = `SELECT count(*) AS motions, COALESCE(sum((SELECT count(*) FROM motion_voters v WHERE v.motion_id = m.id)), 0) AS voters,
      COALESCE(sum(CASE WHEN m.eligibility = 'adults' THEN m.base_adults ELSE m.base_households END), 0) AS base
    FROM motions m
    WHERE m.community_id IN (${communitiesOf(q.scope, p)}) AND m.status = 'closed' AND m.closed_at >= ${p(q.start)} AND m.closed_at < ${p(q.end)}`
  return { text, values }
}

/** Patrol shifts starting in the period (not cancelled): seats taken, who came, hours served. */
export function shiftsSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const text = `SELECT count(DISTINCT s.id) AS shifts,
      sum(CASE WHEN ss.status IN ('confirmed', 'checkedIn', 'checkedOut', 'noShow') THEN 1 ELSE 0 END) AS expected,
      sum(CASE WHEN ss.status IN ('checkedIn', 'checkedOut') THEN 1 ELSE 0 END) AS attended,
      COALESCE(sum(ss.hours_tenths), 0) AS tenths
    FROM shifts s LEFT JOIN shift_signups ss ON ss.shift_id = s.id
    WHERE s.community_id IN (${communitiesOf(q.scope, p)}) AND s.status = 'scheduled' AND s.start_at >= ${p(q.start)} AND s.start_at < ${p(q.end)}`
  return { text, values }
}

/** Volunteers now, and the roster's households with a verified resident bound to them. */
export function peopleSql(q: OverviewQuery): Sql {
  const { values, p } = builder()
  const volunteers = `SELECT count(*) FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'volunteer'
    WHERE u.community_id IN (${communitiesOf(q.scope, p)})${inGrids(q.scope, 'u.grid_id', p)}`
  const households = (verified: string) =>
    `SELECT count(*) FROM households h JOIN grids g ON g.id = h.grid_id
      WHERE ${verified}g.community_id IN (${communitiesOf(q.scope, p)})${inGrids(q.scope, 'h.grid_id', p)}`
  const text = `SELECT (${volunteers}) AS volunteers, (${households('')}) AS households,
      (${households('EXISTS (SELECT 1 FROM users v WHERE v.household_id = h.id AND v.verified = TRUE) AND ')}) AS verified`
  return { text, values }
}

/** A place and the places above it. */
export function placeSql(kind: AreaKind, id: string): Sql {
  const up = 'LEFT JOIN districts d ON d.id = s.district_id'
  const text = {
    grid: `SELECT g.id, g.name, g.community_id AS "communityId", c.street_id AS "streetId", s.district_id AS "districtId", d.city_id AS "cityId"
      FROM grids g JOIN communities c ON c.id = g.community_id JOIN streets s ON s.id = c.street_id ${up} WHERE g.id = ?`,
    community: `SELECT c.id, c.name, c.id AS "communityId", c.street_id AS "streetId", s.district_id AS "districtId", d.city_id AS "cityId"
      FROM communities c JOIN streets s ON s.id = c.street_id ${up} WHERE c.id = ?`,
    street: `SELECT s.id, s.name, NULL AS "communityId", s.id AS "streetId", s.district_id AS "districtId", d.city_id AS "cityId"
      FROM streets s ${up} WHERE s.id = ?`,
    district: `SELECT d.id, d.name, NULL AS "communityId", NULL AS "streetId", d.id AS "districtId", d.city_id AS "cityId" FROM districts d WHERE d.id = ?`,
    city: `SELECT y.id, y.name, NULL AS "communityId", NULL AS "streetId", NULL AS "districtId", y.id AS "cityId" FROM cities y WHERE y.id = ?`,
  }[kind]
  return { text, values: [id] }
}

export function subAreasSql(d: Dialect, scope: OverviewScope): Sql {
  const { values, p } = builder()
  const order = (a: string) => `ORDER BY ${a}.seq, ${a}.id${d.collate}`
  if (scope.kind === 'grids') return { text: `SELECT g.id, g.name FROM grids g WHERE g.id IN (${scope.gridIds.map(p).join(', ')}) ${order('g')}`, values }
  const [table, alias, parent] = {
    community: ['grids', 'g', 'community_id'],
    street: ['communities', 'c', 'street_id'],
    district: ['streets', 's', 'district_id'],
    city: ['districts', 'd', 'city_id'],
  }[scope.kind]
  const text = `SELECT ${alias}.id, ${alias}.name FROM ${table} ${alias} WHERE ${alias}.${parent} = ${p(scope.id)} ${order(alias)}`
  return { text, values }
}

// ---------- rows to records (counts arrive as strings from PostgreSQL, hours as floats from SQLite) ----------

const num = (v: unknown): number => Number(v ?? 0)
/** Hours to the hundredth: both engines' arithmetic agree there. */
const hours = (v: unknown): number => Math.round(Number(v) * 100) / 100
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v))

export const placeRecord = (kind: AreaKind, r: Omit<PlaceRecord, 'kind'>): PlaceRecord => ({ kind, ...r })

export function percentileRows(rows: Record<string, unknown>[]): PercentileRow[] {
  return rows
    .filter((r) => r.key !== null && num(r.n) > 0)
    .map((r) => ({ by: r.grp as PercentileRow['by'], key: String(r.key), n: num(r.n), median: hours(r.median), p90: hours(r.p90) }))
    .sort((a, b) => (a.by + a.key < b.by + b.key ? -1 : a.by + a.key > b.by + b.key ? 1 : 0))
}

type Raw = Record<string, unknown>

/** The figures from each query's rows, in a fixed order (the engines' GROUP BY orders differ). */
export function assembleFigures(raw: {
  byDay: Raw[]
  tallies: Raw[]
  accept: Raw[]
  resolve: Raw[]
  open: Raw[]
  overdue: Raw[]
  ratings: Raw[]
  comments: Raw[]
  warnings: Raw | undefined
  notices: Raw
  motions: Raw
  shifts: Raw
  people: Raw
  departments: Raw[]
}): OverviewFigures {
  const byKeys = <T>(rows: T[], key: (t: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  return {
    byDay: raw.byDay.map((r) => ({ day: String(r.day), n: num(r.n) })),
    tallies: byKeys(
      raw.tallies.map((r) => ({
        category: r.category as ReportCategory,
        unit: String(r.unit),
        n: num(r.n),
        acceptOnTime: num(r.acceptOnTime),
        acceptDue: num(r.acceptDue),
        resolveOnTime: num(r.resolveOnTime),
        resolveDue: num(r.resolveDue),
        resolvedEver: num(r.resolvedEver),
        reopened: num(r.reopened),
        settledLocally: num(r.settledLocally),
        escalated: num(r.escalated),
        openLocal: num(r.openLocal),
      })),
      (t) => `${t.category}|${t.unit}`,
    ),
    accept: percentileRows(raw.accept),
    resolve: percentileRows(raw.resolve),
    now: byKeys(
      [...new Set([...raw.open, ...raw.overdue].map((r) => String(r.unit)))].map((unit) => ({
        unit,
        open: num(raw.open.find((r) => String(r.unit) === unit)?.open),
        overdue: num(raw.overdue.find((r) => String(r.unit) === unit)?.overdue),
      })),
      (r) => r.unit,
    ),
    ratings: byKeys(
      raw.ratings.map((r) => ({
        unit: String(r.unit),
        handlerId: (r.handlerId as string | null) ?? null,
        handlerName: (r.handlerName as string | null) ?? null,
        rated: num(r.rated),
        good: num(r.good),
        sum: num(r.sum),
      })),
      (r) => `${r.unit}|${r.handlerId ?? ''}`,
    ),
    comments: raw.comments.map((r) => ({
      reportId: String(r.reportId),
      score: num(r.score),
      comment: String(r.comment),
      at: iso(r.at),
      category: r.category as ReportCategory,
      unit: String(r.unit),
    })),
    warnings: num(raw.warnings?.n),
    departments: byKeys(
      raw.departments.map((r) => ({
        departmentId: String(r.departmentId),
        name: String(r.name),
        dispatched: num(r.dispatched),
        resolved: num(r.resolved),
        onTime: num(r.onTime),
        returned: num(r.returned),
        overdue: num(r.overdue),
      })),
      (r) => r.departmentId,
    ),
    participation: {
      notices: num(raw.notices.notices),
      important: num(raw.notices.important),
      audience: num(raw.notices.audience),
      read: num(raw.notices.read),
      importantAudience: num(raw.notices.importantAudience),
      confirmed: num(raw.notices.confirmed),
      motions: num(raw.motions.motions),
      voters: num(raw.motions.voters),
      base: num(raw.motions.base),
      shifts: num(raw.shifts.shifts),
      expected: num(raw.shifts.expected),
      attended: num(raw.shifts.attended),
      hoursTenths: num(raw.shifts.tenths),
      volunteers: num(raw.people.volunteers),
      households: num(raw.people.households),
      verifiedHouseholds: num(raw.people.verified),
    },
  }
}
