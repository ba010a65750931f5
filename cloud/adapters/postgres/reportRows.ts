import { OPEN_STATUSES, SETTLED_STATUSES, UNLISTED_STATUSES } from '@/domain/reports/flow'
import type { ReportRecord } from '../../reports/ports'
import { reportRecord, type ReportRow } from '../rows/reports'
import { sqlList } from '../rows/sql'
import { row, type Queryable } from './tx'

/**
 * The report SELECTs on PostgreSQL, shared by the report store's writes and reads and by the patrol log's report
 * (as ../sqlite/reports.ts). The columns come out as SQLite's: `anonymous` as 0/1, times as ISO text (pool.ts),
 * so that the rows map with ../rows/reports.ts.
 */

/** The domain's status sets as SQL lists (names from code, never input). */
export const OPEN = sqlList(OPEN_STATUSES)
export const SETTLED = sqlList(SETTLED_STATUSES)
export const UNLISTED = sqlList(UNLISTED_STATUSES)

/** Lists carry the start of the description only (enough for the excerpt). */
const columns = (description: string) => `r.seq, r.id, r.community_id, r.street_id, r.district_id, r.city_id, r.grid_id, g.name AS grid_name,
  g.service_phone AS grid_phone, r.reporter_id, ru.name AS reporter_name, ru.phone AS reporter_phone, r.category,
  ${description} AS description, r.latitude, r.longitude, r.address, r.coord_source, r.anonymous::int AS anonymous,
  r.visibility, r.moderation, r.status, r.level, r.max_level, r.assignee_id, au.name AS assignee_name, r.accept_by,
  r.resolve_by, r.due_at, r.supporters, r.reopen_count, r.accepted_at, r.resolved_at, r.closed_at, r.rating,
  r.rating_comment, r.rated_at, r.created_at, r.updated_at, r.version,
  (SELECT p.file_id FROM report_photos p JOIN files f ON f.id = p.file_id WHERE p.report_id = r.id AND p.event_id IS NULL AND f.check_status IN ('none', 'pass') ORDER BY p.seq LIMIT 1) AS cover,
  rd.id AS dispatch_id, rd.department_id AS dispatch_department_id, dep.name AS dispatch_department_name, rd.status AS dispatch_status,
  rd.level AS dispatch_level, rd.dispatched_at AS dispatch_at, rd.days AS dispatch_days, rd.due_at AS dispatch_due_at`
const JOINS = `JOIN grids g ON g.id = r.grid_id JOIN users ru ON ru.id = r.reporter_id LEFT JOIN users au ON au.id = r.assignee_id LEFT JOIN report_dispatches rd ON rd.report_id = r.id AND rd.status IN ('pending', 'accepted') LEFT JOIN departments dep ON dep.id = rd.department_id`
export const FULL = `SELECT ${columns('r.description')} FROM reports r ${JOINS}`
export const BRIEF = `SELECT ${columns('substr(r.description, 1, 80)')} FROM reports r ${JOINS}`

/** A user's roles as a JSON array in code-point order (SQLite's json_group_array over its (user_id, role) key). */
export const rolesJson = (userColumn: string) =>
  `(SELECT coalesce(json_agg(ur.role ORDER BY ur.role COLLATE "C"), '[]'::json)::text FROM user_roles ur WHERE ur.user_id = ${userColumn})`

export async function loadReport(db: Queryable, id: string): Promise<ReportRecord | null> {
  const r = await row<ReportRow>(db, `${FULL} WHERE r.id = $1`, [id])
  return r ? reportRecord(r) : null
}

/** A report that the caller's transaction has just read or written: it must be there. */
export async function mustLoadReport(db: Queryable, id: string, step: string): Promise<ReportRecord> {
  const r = await loadReport(db, id)
  if (!r) throw new Error(`${step}: report ${id} not found`)
  return r
}
