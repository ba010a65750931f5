import type { ReportArea } from '../../reports/ports'
import type { LedgerEventRecord, LedgerReportQuery, LedgerReportRecord, LedgerShiftRecord } from '../../ledger/ports'

/**
 * The 台账's reads as both engines run them: the same SELECTs with `?` placeholders (PostgreSQL numbers them) and
 * one mapping. Flags come out as 0/1 on both (CASE), counts as numbers.
 */

const REPORT_AREA: Record<string, string> = { communityId: 'r.community_id', streetId: 'r.street_id', districtId: 'r.district_id', cityId: 'r.city_id' }
const SHIFT_AREA: Record<string, string> = { communityId: 's.community_id', streetId: 'c.street_id', districtId: 'st.district_id', cityId: 'd.city_id' }

function areaWhere(area: ReportArea, columns: Record<string, string>): { sql: string; value: string } {
  const [key, value] = Object.entries(area)[0] as [string, string]
  const column = columns[key]
  if (!column) throw new Error(`unknown area ${key}`)
  return { sql: `${column} = ?`, value }
}

export function ledgerReportsSql(q: LedgerReportQuery, after: number | null, limit: number): { sql: string; params: unknown[] } {
  const a = areaWhere(q.area, REPORT_AREA)
  const where = [a.sql]
  const params: unknown[] = [a.value]
  if (q.gridIds) {
    where.push(q.gridIds.length > 0 ? `r.grid_id IN (${q.gridIds.map(() => '?').join(', ')})` : '1 = 0')
    params.push(...q.gridIds)
  }
  if (q.from) {
    where.push('r.created_at >= ?')
    params.push(q.from)
  }
  if (q.to) {
    where.push('r.created_at < ?')
    params.push(q.to)
  }
  if (q.status) {
    where.push('r.status = ?')
    params.push(q.status)
  }
  if (q.category) {
    where.push('r.category = ?')
    params.push(q.category)
  }
  if (after !== null) {
    where.push('r.seq > ?')
    params.push(after)
  }
  params.push(limit)
  const sql = `SELECT r.seq, r.id, r.community_id, c.name AS community_name, r.grid_id, g.name AS grid_name, r.reporter_id,
    ru.name AS reporter_name, ru.phone AS reporter_phone, CASE WHEN r.anonymous THEN 1 ELSE 0 END AS anonymous, r.category,
    r.description, r.status, r.level, r.max_level, au.name AS assignee_name, r.accept_by, r.resolve_by, r.accepted_at,
    r.resolved_at, r.closed_at, r.created_at, r.rating, m.kind AS mediation_kind, m.outcome AS mediation_outcome,
    m.agreement, (SELECT count(*) FROM mediation_sessions ms WHERE ms.report_id = r.id) AS mediation_sessions
    FROM reports r JOIN communities c ON c.id = r.community_id JOIN grids g ON g.id = r.grid_id
    JOIN users ru ON ru.id = r.reporter_id LEFT JOIN users au ON au.id = r.assignee_id
    LEFT JOIN mediations m ON m.report_id = r.id
    WHERE ${where.join(' AND ')} ORDER BY r.seq LIMIT ?`
  return { sql, params }
}

export interface LedgerReportRow {
  seq: number
  id: string
  community_id: string
  community_name: string
  grid_id: string
  grid_name: string
  reporter_id: string
  reporter_name: string
  reporter_phone: string | null
  anonymous: number
  category: LedgerReportRecord['category']
  description: string
  status: LedgerReportRecord['status']
  level: LedgerReportRecord['level']
  max_level: LedgerReportRecord['maxLevel']
  assignee_name: string | null
  accept_by: string
  resolve_by: string
  accepted_at: string | null
  resolved_at: string | null
  closed_at: string | null
  created_at: string
  rating: number | null
  mediation_kind: LedgerReportRecord['mediationKind']
  mediation_outcome: LedgerReportRecord['mediationOutcome']
  agreement: string | null
  mediation_sessions: number | string
}

export const ledgerReport = (r: LedgerReportRow): LedgerReportRecord => ({
  seq: Number(r.seq),
  id: r.id,
  communityId: r.community_id,
  communityName: r.community_name,
  gridId: r.grid_id,
  gridName: r.grid_name,
  reporterId: r.reporter_id,
  reporterName: r.reporter_name,
  reporterPhone: r.reporter_phone,
  anonymous: Number(r.anonymous) === 1,
  category: r.category,
  description: r.description,
  status: r.status,
  level: r.level,
  maxLevel: r.max_level,
  assigneeName: r.assignee_name,
  acceptBy: r.accept_by,
  resolveBy: r.resolve_by,
  acceptedAt: r.accepted_at,
  resolvedAt: r.resolved_at,
  closedAt: r.closed_at,
  createdAt: r.created_at,
  rating: r.rating,
  mediationKind: r.mediation_kind,
  mediationOutcome: r.mediation_outcome,
  agreement: r.agreement,
  mediationSessions: Number(r.mediation_sessions),
})

export function ledgerEventsSql(n: number): string {
  return `SELECT e.report_id, e.at, e.actor_id, u.name AS actor_name, e.action, e.note FROM report_events e
    LEFT JOIN users u ON u.id = e.actor_id WHERE e.report_id IN (${Array.from({ length: n }, () => '?').join(', ')})
    ORDER BY e.report_id, e.id`
}

export interface LedgerEventRow {
  report_id: string
  at: string
  actor_id: string | null
  actor_name: string | null
  action: string
  note: string | null
}

export const ledgerEvent = (e: LedgerEventRow): LedgerEventRecord => ({
  reportId: e.report_id,
  at: e.at,
  actorId: e.actor_id,
  actorName: e.actor_name,
  action: e.action,
  note: e.note,
})

export function ledgerShiftsSql(area: ReportArea, from: string, to: string, after: number | null, limit: number): { sql: string; params: unknown[] } {
  const a = areaWhere(area, SHIFT_AREA)
  const params: unknown[] = [a.value, from, to]
  const where = [a.sql, 's.start_at >= ?', 's.start_at < ?']
  if (after !== null) {
    where.push('s.seq > ?')
    params.push(after)
  }
  params.push(limit)
  const sql = `SELECT s.seq, s.id, c.name AS community_name, s.title, s.start_at, s.end_at, s.capacity,
    CASE WHEN s.status = 'cancelled' THEN 1 ELSE 0 END AS cancelled,
    (SELECT count(*) FROM shift_signups x WHERE x.shift_id = s.id AND x.status IN ('confirmed', 'checkedIn', 'checkedOut', 'noShow')) AS confirmed,
    (SELECT count(*) FROM shift_signups x WHERE x.shift_id = s.id AND x.status IN ('checkedIn', 'checkedOut')) AS attended,
    (SELECT coalesce(sum(x.hours_tenths), 0) FROM shift_signups x WHERE x.shift_id = s.id AND x.status = 'checkedOut') AS hours_tenths
    FROM shifts s JOIN communities c ON c.id = s.community_id JOIN streets st ON st.id = c.street_id
    LEFT JOIN districts d ON d.id = st.district_id
    WHERE ${where.join(' AND ')} ORDER BY s.seq LIMIT ?`
  return { sql, params }
}

export interface LedgerShiftRow {
  seq: number
  id: string
  community_name: string
  title: string
  start_at: string
  end_at: string
  capacity: number
  cancelled: number
  confirmed: number | string
  attended: number | string
  hours_tenths: number | string
}

export const ledgerShift = (s: LedgerShiftRow): LedgerShiftRecord => ({
  seq: Number(s.seq),
  id: s.id,
  communityName: s.community_name,
  title: s.title,
  startAt: s.start_at,
  endAt: s.end_at,
  capacity: s.capacity,
  cancelled: Number(s.cancelled) === 1,
  confirmed: Number(s.confirmed),
  attended: Number(s.attended),
  hoursTenths: Number(s.hours_tenths),
})

export const AREA_NAME_SQL: Record<'streetId' | 'districtId' | 'cityId', string> = {
  streetId: 'SELECT name FROM streets WHERE id = ?',
  districtId: 'SELECT name FROM districts WHERE id = ?',
  cityId: 'SELECT name FROM cities WHERE id = ?',
}
