import type { ReportCategory, ReportLevel } from '@/domain/reports'
import type { WarningParams } from '@/domain/warnings'
import type { ReportFact } from '@/domain/warnings/evaluate'
import type { AssessmentRecord, WarningCountRow, WarningListQuery, WarningRecord } from '../../warnings/ports'

/**
 * The warnings' rows as both engines read them (the same SELECTs with `?` placeholders; PostgreSQL numbers them):
 * one mapping for SQLite and PostgreSQL.
 */

export const WARNING_SELECT = `SELECT w.seq, w.id, w.community_id, w.grid_id, g.name AS grid_name, w.level, w.signal, w.area_key,
  w.category, w.period, w.observed, w.baseline, w.p_value, w.report_ids, w.status, w.judgement, w.raised_at, w.closed_at,
  w.closed_by, w.version FROM warnings w LEFT JOIN grids g ON g.id = w.grid_id`

export interface WarningRow {
  seq: number
  id: string
  community_id: string
  grid_id: string | null
  grid_name: string | null
  level: WarningRecord['level']
  signal: WarningRecord['signal']
  area_key: string
  category: string
  period: string
  observed: number
  baseline: number | null
  p_value: number | null
  report_ids: string
  status: WarningRecord['status']
  judgement: WarningRecord['judgement']
  raised_at: string
  closed_at: string | null
  closed_by: string | null
  version: number
}

export const warningRecord = (r: WarningRow): WarningRecord => ({
  seq: r.seq,
  id: r.id,
  communityId: r.community_id,
  gridId: r.grid_id,
  gridName: r.grid_name,
  level: r.level,
  signal: r.signal,
  areaKey: r.area_key,
  category: r.category === '' ? null : (r.category as ReportCategory),
  period: r.period === '' ? null : r.period,
  observed: r.observed,
  baseline: r.baseline,
  pValue: r.p_value,
  reportIds: JSON.parse(r.report_ids) as string[],
  status: r.status,
  judgement: r.judgement,
  raisedAt: r.raised_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  version: r.version,
})

/** The list's WHERE and its values (after the community). */
export function listWhere(q: WarningListQuery): { sql: string; values: unknown[] } {
  const parts = ['w.community_id = ?']
  const values: unknown[] = [q.communityId]
  if (q.gridIds) {
    parts.push(`w.grid_id IN (${q.gridIds.map(() => '?').join(', ') || 'NULL'})`)
    values.push(...q.gridIds)
  }
  if (q.status) {
    parts.push('w.status = ?')
    values.push(q.status)
  }
  if (q.after !== null) {
    parts.push('w.seq < ?')
    values.push(q.after)
  }
  values.push(q.limit)
  return { sql: `${WARNING_SELECT} WHERE ${parts.join(' AND ')} ORDER BY w.seq DESC LIMIT ?`, values }
}

export const ASSESSMENT_SELECT = `SELECT a.id, a.warning_id, a.assessor_id, u.name AS assessor_name, a.participants, a.judgement,
  a.actions, a.note, a.closed, a.at FROM warning_assessments a JOIN users u ON u.id = a.assessor_id
  WHERE a.warning_id = ? ORDER BY a.seq`

export interface AssessmentRow {
  id: string
  warning_id: string
  assessor_id: string
  assessor_name: string
  participants: string
  judgement: AssessmentRecord['judgement']
  actions: string
  note: string
  closed: number | boolean
  at: string
}

export const assessmentRecord = (r: AssessmentRow): AssessmentRecord => ({
  id: r.id,
  warningId: r.warning_id,
  assessorId: r.assessor_id,
  assessorName: r.assessor_name,
  participants: JSON.parse(r.participants) as string[],
  judgement: r.judgement,
  actions: JSON.parse(r.actions) as AssessmentRecord['actions'],
  note: r.note,
  closed: r.closed === true || r.closed === 1,
  at: r.at,
})

/** The facts the sweep reads: reports since ?, and disputes changed since ? (withdrawn and rejected left out). */
export const FACTS_SQL = `SELECT r.id, r.grid_id, r.category, r.created_at, r.latitude, r.longitude, r.on_behalf_of_household,
  r.reopen_count, r.max_level, EXISTS (SELECT 1 FROM shift_logs l WHERE l.report_id = r.id) AS from_patrol
  FROM reports r WHERE r.community_id = ? AND r.status NOT IN ('withdrawn', 'rejected')
  AND (r.created_at >= ? OR (r.category = 'dispute' AND r.updated_at >= ?)) ORDER BY r.created_at, r.id`

export interface FactRow {
  id: string
  grid_id: string
  category: ReportCategory
  created_at: string
  latitude: number | null
  longitude: number | null
  on_behalf_of_household: string | null
  reopen_count: number
  max_level: ReportLevel
  from_patrol: number | boolean
}

export const reportFact = (r: FactRow): ReportFact => ({
  id: r.id,
  gridId: r.grid_id,
  category: r.category,
  createdAt: r.created_at,
  latitude: r.latitude,
  longitude: r.longitude,
  householdId: r.on_behalf_of_household,
  reopenCount: r.reopen_count,
  maxLevel: r.max_level,
  fromPatrol: r.from_patrol === true || r.from_patrol === 1,
})

/** The owners of a warning: the grid's workers (grid level), else the community's committee. */
export const GRID_WORKERS_SQL = `SELECT ug.user_id AS id FROM user_grids ug JOIN user_roles ur ON ur.user_id = ug.user_id AND ur.role = 'gridWorker'
  WHERE ug.grid_id = ? ORDER BY ug.user_id`
export const COMMITTEE_SQL = `SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'committee'
  WHERE u.community_id = ? ORDER BY u.id`

export const paramsOf = (json: string): WarningParams => JSON.parse(json) as WarningParams

/** The overview's counts (communities as `?` placeholders, then the time). */
export function countsSql(communities: number): string {
  return `SELECT community_id, grid_id, status, judgement, count(*) AS n FROM warnings
    WHERE community_id IN (${Array.from({ length: communities }, () => '?').join(', ') || 'NULL'}) AND raised_at >= ?
    GROUP BY community_id, grid_id, status, judgement
    ORDER BY community_id, grid_id IS NOT NULL, grid_id, status, judgement IS NOT NULL, judgement`
}

export interface CountRow {
  community_id: string
  grid_id: string | null
  status: WarningCountRow['status']
  judgement: WarningCountRow['judgement']
  n: number
}

export const countRow = (r: CountRow): WarningCountRow => ({ communityId: r.community_id, gridId: r.grid_id, status: r.status, judgement: r.judgement, n: Number(r.n) })
