import type { RecheckOutcome, ReportRecheck } from '../../reports/ports'
import type { Db } from './open'

/**
 * The recheck queue of held reports (migration 019): written inside report.create's and report.change's
 * transactions (queue/drop), read and settled by the sweep (due/settle).
 */
export function recheckStatements(db: Db) {
  const queueRow = db.prepare(`INSERT INTO report_rechecks (report_id, queued_at, attempts, next_at) VALUES (?, ?, 0, ?)
    ON CONFLICT (report_id) DO UPDATE SET queued_at = excluded.queued_at, attempts = 0, next_at = excluded.next_at`)
  const dropRow = db.prepare('DELETE FROM report_rechecks WHERE report_id = ?')
  const dueRows = db.prepare<[string, number], { report_id: string; queued_at: string; attempts: number }>(
    'SELECT report_id, queued_at, attempts FROM report_rechecks WHERE next_at <= ? ORDER BY next_at, report_id LIMIT ?',
  )
  const release = db.prepare(`UPDATE reports SET moderation = 'clean', version = version + 1
    WHERE id = ? AND version = ? AND EXISTS (SELECT 1 FROM report_rechecks WHERE report_id = reports.id)`)
  const retry = db.prepare('UPDATE report_rechecks SET attempts = attempts + 1, next_at = ? WHERE report_id = ?')

  const settleTx = db.transaction((reportId: string, version: number, outcome: RecheckOutcome): boolean => {
    if (outcome.kind === 'retry') return retry.run(outcome.nextAt, reportId).changes === 1
    if (outcome.kind === 'release' && release.run(reportId, version).changes !== 1) return false
    return dropRow.run(reportId).changes === 1
  })

  return {
    /** inside the caller's transaction: the report waits for the sweep from `at` */
    queue(reportId: string, at: string): void {
      queueRow.run(reportId, at, at)
    },
    /** inside the caller's transaction */
    drop(reportId: string): void {
      dropRow.run(reportId)
    },
    due(now: string, limit: number): ReportRecheck[] {
      return dueRows.all(now, limit).map((r) => ({ reportId: r.report_id, queuedAt: r.queued_at, attempts: r.attempts }))
    },
    settle(reportId: string, version: number, outcome: RecheckOutcome): boolean {
      return settleTx.immediate(reportId, version, outcome)
    },
  }
}
