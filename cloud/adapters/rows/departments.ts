/** The departments' rows as both engines read them, and the records the ports speak. */
import type { ReportCategory } from '@/domain/reports'
import type { DepartmentCounts, DepartmentRecord } from '../../departments/ports'

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
