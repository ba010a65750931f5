import type { DispatchWrite } from '../../reports/ports'
import type { Db } from './open'
import { stampOf } from '../rows/departments'

/**
 * A report's dispatch write, inside report.change's transaction (reports.ts): false when it must not happen — a
 * live dispatch exists already (the partial unique index report_dispatches_live: INSERT … ON CONFLICT DO NOTHING)
 * or the dispatch is no longer in a `from` state (conditional UPDATE) — and the caller rolls everything back.
 */
export function dispatchWriter(db: Db) {
  const open = db.prepare(`
    INSERT INTO report_dispatches (id, report_id, department_id, level, dispatched_by, dispatched_at, days, due_at, status)
    VALUES (@id, @reportId, @departmentId, @level, @by, @at, @days, @dueAt, 'pending')
    ON CONFLICT (report_id) WHERE status IN ('pending', 'accepted') DO NOTHING`)
  const supervise = db.prepare('UPDATE report_dispatches SET supervised = supervised + 1 WHERE id = ? AND report_id = ?')
  return (reportId: string, at: string, w: DispatchWrite): boolean => {
    if (w.kind === 'open') return open.run({ ...w, reportId, at }).changes === 1
    if (w.kind === 'supervise') return supervise.run(w.id, reportId).changes === 1
    const stamp = stampOf(w.to)
    const from = w.from.map((_, i) => `@f${i}`).join(', ')
    const params: Record<string, unknown> = { id: w.id, reportId, to: w.to, at, reason: w.reason ?? null }
    w.from.forEach((f, i) => (params[`f${i}`] = f))
    const sql = `UPDATE report_dispatches SET status = @to${stamp ? `, ${stamp} = @at` : ''},
        return_reason = COALESCE(@reason, return_reason)
      WHERE id = @id AND report_id = @reportId AND status IN (${from})`
    return db.prepare(sql).run(params).changes === 1
  }
}
