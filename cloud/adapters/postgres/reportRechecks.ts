import type { Pool } from 'pg'
import type { ReportRecheck, ReportRepo } from '../../reports/ports'
import { inTransaction, rows, type Queryable } from './tx'

/** Inside report.create's or report.change's transaction: the report waits for the recheck sweep from `at`. */
export async function queueRecheck(c: Queryable, reportId: string, at: string): Promise<void> {
  await c.query(
    `INSERT INTO report_rechecks (report_id, queued_at, attempts, next_at) VALUES ($1, $2, 0, $2)
     ON CONFLICT (report_id) DO UPDATE SET queued_at = excluded.queued_at, attempts = 0, next_at = excluded.next_at`,
    [reportId, at],
  )
}

/** Inside report.change's transaction: the new text has its verdict. */
export async function dropRecheck(c: Queryable, reportId: string): Promise<void> {
  await c.query('DELETE FROM report_rechecks WHERE report_id = $1', [reportId])
}

/**
 * The sweep's side of the queue (as ../sqlite/reportRechecks.ts). release is one conditional UPDATE on the
 * version read: an edit racing it holds the row lock, and the UPDATE re-checks `version = $2` on the committed
 * row after it, so a newer text is never released on an older text's pass.
 */
export function recheckRepo(pool: Pool): Pick<ReportRepo, 'dueRechecks' | 'settleRecheck'> {
  return {
    async dueRechecks(now, limit) {
      const due = await rows<{ report_id: string; queued_at: string; attempts: number }>(
        pool,
        `SELECT report_id, queued_at, attempts FROM report_rechecks WHERE next_at <= $1::timestamptz
         ORDER BY next_at, report_id COLLATE "C" LIMIT $2`,
        [now, limit],
      )
      return due.map((r): ReportRecheck => ({ reportId: r.report_id, queuedAt: r.queued_at, attempts: r.attempts }))
    },
    async settleRecheck(reportId, version, outcome) {
      return inTransaction(pool, async (c) => {
        if (outcome.kind === 'retry') {
          const r = await c.query('UPDATE report_rechecks SET attempts = attempts + 1, next_at = $2 WHERE report_id = $1', [reportId, outcome.nextAt])
          return r.rowCount === 1
        }
        if (outcome.kind === 'release') {
          const r = await c.query(
            `UPDATE reports SET moderation = 'clean', version = version + 1
             WHERE id = $1 AND version = $2 AND EXISTS (SELECT 1 FROM report_rechecks WHERE report_id = $1)`,
            [reportId, version],
          )
          if (r.rowCount !== 1) return false
        }
        const dropped = await c.query('DELETE FROM report_rechecks WHERE report_id = $1', [reportId])
        return dropped.rowCount === 1
      })
    },
  }
}
