import type { PoolClient } from 'pg'
import type { DispatchWrite } from '../../reports/ports'
import { stampOf } from '../rows/departments'

/**
 * A report's dispatch write inside report.change's transaction (reportWrites.ts), as SQLite's: false when a live
 * dispatch exists already (INSERT … ON CONFLICT on the partial unique index report_dispatches_live, its WHERE
 * repeated: a second dispatch at once waits on the first's uncommitted row, then inserts nothing) or the dispatch
 * left the `from` states (a conditional UPDATE, re-checked on the committed row after a row lock wait).
 */
export async function writeDispatch(c: PoolClient, reportId: string, at: string, w: DispatchWrite): Promise<boolean> {
  if (w.kind === 'open') {
    const r = await c.query(
      `INSERT INTO report_dispatches (id, report_id, department_id, level, dispatched_by, dispatched_at, days, due_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending')
       ON CONFLICT (report_id) WHERE status IN ('pending', 'accepted') DO NOTHING`,
      [w.id, reportId, w.departmentId, w.level, w.by, at, w.days, w.dueAt],
    )
    return r.rowCount === 1
  }
  if (w.kind === 'supervise') {
    const r = await c.query('UPDATE report_dispatches SET supervised = supervised + 1 WHERE id = $1 AND report_id = $2', [w.id, reportId])
    return r.rowCount === 1
  }
  const stamp = stampOf(w.to)
  const r = await c.query(
    `UPDATE report_dispatches SET status = $3,
       accepted_at = CASE WHEN $7 = 'accepted_at' THEN $5::timestamptz ELSE accepted_at END,
       finished_at = CASE WHEN $7 = 'finished_at' THEN $5::timestamptz ELSE finished_at END,
       return_reason = COALESCE($4, return_reason)
     WHERE id = $1 AND report_id = $2 AND status = ANY($6::text[])`,
    [w.id, reportId, w.to, w.reason ?? null, at, [...w.from], stamp ?? ''],
  )
  return r.rowCount === 1
}
