/** The departments' rows as both engines read them, and the records the ports speak. */
import type { ReportCategory } from '@/domain/reports'
import { STAFF_ROLES } from '@/domain/shared/roles'
import { sqlList } from './sql'
import type { DepartmentCounts, DepartmentRecord } from '../../departments/ports'
import type { DispatchStatus } from '../../reports/ports'

export interface DepartmentRow {
  id: string
  seq: number
  name: string
  street_id: string | null
  district_id: string | null
  area_name: string
  parent_district_id: string | null
  city_id: string | null
  categories: string
  created_at: string
}

export const departmentRecord = (r: DepartmentRow, members: { id: string; name: string }[]): DepartmentRecord => ({
  id: r.id,
  seq: r.seq,
  name: r.name,
  streetId: r.street_id,
  districtId: r.district_id,
  areaName: r.area_name,
  parentDistrictId: r.parent_district_id,
  cityId: r.city_id,
  categories: JSON.parse(r.categories) as ReportCategory[],
  createdAt: r.created_at,
  members,
})

export interface CountsRow {
  department_id: string
  dispatched: number
  on_time: number
  late: number
  returned: number
  open: number
  overdue_now: number
}

export const emptyCounts = (): DepartmentCounts => ({ dispatched: 0, onTime: 0, late: 0, returned: 0, open: 0, overdueNow: 0, resolvedSpans: [] })

/** The statistics' SELECT (placeholders: the ids list, then `now`, as each engine writes them). */
export const countsSql = (ids: string, now: string) => `
  SELECT department_id, count(*) AS dispatched,
    sum(CASE WHEN status = 'resolved' AND finished_at <= due_at THEN 1 ELSE 0 END) AS on_time,
    sum(CASE WHEN status = 'resolved' AND finished_at > due_at THEN 1 ELSE 0 END) AS late,
    sum(CASE WHEN status = 'returned' THEN 1 ELSE 0 END) AS returned,
    sum(CASE WHEN status IN ('pending', 'accepted') THEN 1 ELSE 0 END) AS open,
    sum(CASE WHEN status IN ('pending', 'accepted') AND due_at < ${now} THEN 1 ELSE 0 END) AS overdue_now
  FROM report_dispatches WHERE department_id IN (${ids}) GROUP BY department_id`

/** The area's WHERE (a street with its district's departments, a district with its streets', a city's). */
export function areaWhere(area: { streetId: string; districtId: string | null } | { districtId: string } | { cityId: string }, p: (v: unknown) => string): string {
  if ('streetId' in area) return `(d.street_id = ${p(area.streetId)} OR d.district_id = ${p(area.districtId)})`
  // each use of a value is its own placeholder (SQLite's `?` are positional)
  if ('districtId' in area) {
    return `(d.district_id = ${p(area.districtId)} OR d.street_id IN (SELECT id FROM streets WHERE district_id = ${p(area.districtId)}))`
  }
  return `(d.district_id IN (SELECT id FROM districts WHERE city_id = ${p(area.cityId)})
    OR d.street_id IN (SELECT s.id FROM streets s JOIN districts di ON di.id = s.district_id WHERE di.city_id = ${p(area.cityId)}))`
}

export const DEPARTMENT_SELECT = `
  SELECT d.id, d.seq, d.name, d.street_id, d.district_id, COALESCE(s.name, dd.name) AS area_name,
    COALESCE(d.district_id, s.district_id) AS parent_district_id, COALESCE(dd.city_id, sd.city_id) AS city_id,
    d.categories, d.created_at
  FROM departments d
  LEFT JOIN streets s ON s.id = d.street_id
  LEFT JOIN districts sd ON sd.id = s.district_id
  LEFT JOIN districts dd ON dd.id = d.district_id`

export interface CandidateRow {
  id: string
  name: string
  phone: string | null
  community_name: string
}

/**
 * DepartmentRepo.candidates on both engines: `p` writes a parameter's placeholder, `pos` is the engine's
 * substring position (SQLite instr, PostgreSQL strpos: haystack first on both), `bin` its code-point collation.
 */
export function candidatesSql(
  p: (name: 'street' | 'district' | 'query' | 'digits' | 'limit') => string,
  pos: 'instr' | 'strpos',
  bin: string,
): string {
  return `SELECT u.id, u.name, u.phone, c.name AS community_name
    FROM users u JOIN communities c ON c.id = u.community_id JOIN streets s ON s.id = c.street_id
    WHERE (c.street_id = ${p('street')} OR s.district_id = ${p('district')})
      AND NOT u.roster_only
      AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ${sqlList(STAFF_ROLES)})
      AND NOT EXISTS (SELECT 1 FROM department_members dm WHERE dm.user_id = u.id)
      AND (${pos}(u.name, ${p('query')}) > 0 OR (${p('digits')} IS NOT NULL AND ${pos}(u.phone, ${p('digits')}) > 0))
    ORDER BY u.name${bin}, u.id${bin} LIMIT ${p('limit')}`
}

/** The query's phone digits, when it is 3 or more digits (fewer would match nearly every phone). */
export const candidateDigits = (query: string): string | null => (/^\d{3,}$/.test(query) ? query : null)

/** The column a dispatch step stamps: 受理 its accepted_at, the end of it (退回, 办结, cancelled) finished_at. */
export const stampOf = (to: DispatchStatus): 'accepted_at' | 'finished_at' | null =>
  to === 'accepted' ? 'accepted_at' : to === 'pending' ? null : 'finished_at'
