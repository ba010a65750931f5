import type { Pool } from 'pg'
import type { ReportLevel } from '@/domain/reports'
import type { NewMessage } from '../../messages/ports'
import type { ReportChangeOutcome, ReportCreateReply, ReportRepo, ReportSupportOutcome } from '../../reports/ports'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { writeMessage } from './messages'
import { areaColumnOf } from '../rows/reports'
import { newReportDetail, reportDetail, reportQueries } from './reportQueries'
import { OPEN } from './reportRows'
import { recheckRepo } from './reportRechecks'
import { changeReport, insertReport } from './reportWrites'
import { inTransaction, inTransactionOr, Rollback, row, rows, type Queryable } from './tx'

/**
 * The report store on PostgreSQL, method by method as ../sqlite/reports.ts, at READ COMMITTED: each write is one
 * transaction whose atomicity is said beside it (create and change in ./reportWrites.ts). Text is ordered COLLATE
 * "C" (SQLite's byte order); lists order by seq, unique, so ties never depend on the engine.
 */
export function reportRepo(pool: Pool): ReportRepo {
  const supportersOf = (db: Queryable, id: string) =>
    row<{ supporters: number }>(db, 'SELECT supporters FROM reports WHERE id = $1', [id])

  return {
    ...reportQueries(pool),
    ...recheckRepo(pool),

    /** The writes, then the new report's detail read once on the same connection before the commit (the reply's only read). */
    async create(report, photoIds, messages, key) {
      return inTransactionOr<ReportCreateReply, ReportCreateReply>(pool, async (c) => {
        const out = await insertReport(c, report, photoIds, messages, key)
        const detail = out.kind === 'created' ? await newReportDetail(c, out.id, photoIds) : await reportDetail(c, out.id, report.reporterId)
        if (!detail) throw new Error(`report ${out.id} vanished`)
        return { kind: out.kind, detail }
      })
    },

    async change(change) {
      return inTransactionOr<ReportChangeOutcome, ReportChangeOutcome>(pool, (c) => changeReport(c, change))
    },

    /**
     * One transaction: the retry key claimed first (claimKey), then the support inserted only while the report is
     * public and open, by INSERT … SELECT … ON CONFLICT (report_id, user_id) DO NOTHING on the primary key: the
     * same person twice at once, the second waits on the first's uncommitted row and then inserts nothing (added:
     * false). The count is bumped by one relative UPDATE (`supporters + n`), which takes the row lock, so
     * concurrent supporters add up; the count read after it, under that lock, is this call's. Closed: rolled back.
     */
    async support(id, userId, at, key) {
      return inTransactionOr<ReportSupportOutcome, ReportSupportOutcome>(pool, async (c) => {
        const claim = await claimKey<{ reportId: string }>(c, key, { reportId: id }, at)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') return { kind: 'replayed', supporters: (await supportersOf(c, id))?.supporters ?? 0 }
        const inserted = await c.query(
          `INSERT INTO report_supports (report_id, user_id, at)
           SELECT $1, $2, $3 WHERE EXISTS (
             SELECT 1 FROM reports WHERE id = $1 AND visibility = 'public' AND moderation = 'clean' AND status IN ${OPEN})
           ON CONFLICT (report_id, user_id) DO NOTHING`,
          [id, userId, at],
        )
        const added = inserted.rowCount ?? 0
        if (added > 0) await c.query('UPDATE reports SET supporters = supporters + $1 WHERE id = $2', [added, id])
        const now = await supportersOf(c, id)
        if (!now) throw new Rollback({ kind: 'closed' })
        if (added === 0 && !(await row(c, 'SELECT 1 FROM report_supports WHERE report_id = $1 AND user_id = $2', [id, userId]))) {
          throw new Rollback({ kind: 'closed' })
        }
        return { kind: 'done', supporters: now.supporters, added: added > 0 }
      })
    },

    /**
     * The due reports found first (nothing due: no transaction), then one transaction of conditional UPDATEs
     * (resolved → closed, still resolved before `before`), in seq order. A concurrent sweep or rating of the same
     * report waits on its row lock and re-checks the condition on the committed row: the second sweep updates
     * nothing, so each report is closed, told and put on the timeline once; a rating that lost sees a new version
     * (conflict). Both sweeps lock in the same order, so they cannot deadlock.
     */
    async autoClose(area, before, at, newId) {
      const { column, id } = areaColumnOf(area)
      const due = await rows<{ id: string }>(
        pool,
        `SELECT id FROM reports WHERE status = 'resolved' AND resolved_at < $1::timestamptz AND ${column} = $2 ORDER BY seq`,
        [before, id],
      )
      if (due.length === 0) return []
      return inTransaction(pool, async (c) => {
        const written: NewMessage[] = []
        for (const { id } of due) {
          const closed = await row<{ reporter_id: string; level: ReportLevel; excerpt: string }>(
            c,
            `UPDATE reports SET status = 'closed', closed_at = $2, due_at = NULL, updated_at = $2, version = version + 1
             WHERE id = $1 AND status = 'resolved' AND resolved_at < $3::timestamptz
             RETURNING reporter_id, level, substr(description, 1, 30) AS excerpt`,
            [id, at, before],
          )
          if (!closed) continue
          await c.query(
            `INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id)
             VALUES ($1, $2, NULL, 'autoClose', $3, 'closed', $4, NULL)`,
            [id, at, '办结后 7 天未评价，自动结案', closed.level],
          )
          const message: NewMessage = {
            id: newId(),
            userId: closed.reporter_id,
            kind: 'report',
            title: '您反映的问题已结案',
            body: `“${closed.excerpt}”办结后 7 天未评价，已自动结案。`,
            target: { type: 'report', id },
            createdAt: at,
          }
          await writeMessage(c, message)
          written.push(message)
        }
        return written
      })
    },

    /** One transaction: each day count upserted on the (community_id, category) key, then the audit entry. */
    async setDeadlines(communityId, days, audit) {
      await inTransaction(pool, async (c) => {
        for (const [category, n] of Object.entries(days)) {
          if (n === undefined) continue
          await c.query(
            `INSERT INTO report_deadlines (community_id, category, days) VALUES ($1, $2, $3)
             ON CONFLICT (community_id, category) DO UPDATE SET days = excluded.days`,
            [communityId, category, n],
          )
        }
        await writeAudit(c, audit)
      })
    },
  }
}
