import type { Pool } from 'pg'
import type { VisitLogOutcome, VisitLogResult, VisitRepo } from '../../visits/ports'
import {
  FOLLOW_UP_SELECT,
  followUpRecord,
  NEVER,
  pendingRow,
  pendingSql,
  sqlOf,
  visitRecord,
  type FollowUpRow,
  type PendingDbRow,
  type VisitRow,
} from '../rows/visits'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { createReport } from './reportWrites'
import { inTransaction, inTransactionOr, numbered, Rollback, row, rows, type Queryable } from './tx'

const UPSERT_FOLLOW_UP = `
  INSERT INTO household_follow_ups (household_id, community_id, grid_id, kind, reason, every_days, marked_by, marked_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (household_id) DO`

/**
 * The visits store on PostgreSQL, method by method as ../sqlite/visits.ts, at READ COMMITTED. log claims its
 * retry key first (claimKey: a concurrent retry of the same key waits for this transaction, then replays its
 * result), then makes the report with report.create's own steps (which claim the report's key), the visit and the
 * mark (ON CONFLICT on the household: an existing mark is kept); keyReused and badPhotos roll everything back.
 */
export function visitRepo(pool: Pool): VisitRepo {
  const q = <R>(db: Queryable, sql: string, params: unknown[]) => rows<R>(db, numbered(sql), params)
  const followUpOf = async (db: Queryable, householdId: string) => {
    const f = await row<FollowUpRow>(db, `${FOLLOW_UP_SELECT} WHERE f.household_id = $1`, [householdId])
    return f ? followUpRecord(f) : null
  }

  return {
    async log(v, key, extra) {
      return inTransactionOr<VisitLogOutcome, VisitLogOutcome>(pool, async (c) => {
        const claim = await claimKey<VisitLogResult>(c, key, { visitId: v.id, reportId: null }, v.createdAt)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') return { kind: 'replayed', ...claim.result }
        let reportId: string | null = null
        let newReport = false
        if (extra.report) {
          const r = extra.report
          const made = await createReport(c, r.report, r.photoIds, r.messages, r.key)
          reportId = made.report.id
          newReport = made.kind === 'created'
        }
        await c.query(
          `INSERT INTO visits (id, community_id, grid_id, household_id, visitor_id, visited_at, met, finding, note, report_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [v.id, v.communityId, v.gridId, v.householdId, v.visitorId, v.visitedAt, v.met, v.finding, v.note, reportId, v.createdAt],
        )
        const f = extra.followUp
        if (f) {
          await c.query(`${UPSERT_FOLLOW_UP} NOTHING`, [f.householdId, f.communityId, f.gridId, f.kind, f.reason, f.everyDays, f.markedBy, f.markedAt])
        }
        const result: VisitLogResult = { visitId: v.id, reportId }
        if (key) {
          // the claim's result, made final before the commit (until then no other session sees the claim)
          await c.query('UPDATE idempotency SET result = $4 WHERE user_id = $1 AND action = $2 AND request_id = $3', [
            key.userId, key.action, key.requestId, JSON.stringify(result),
          ])
        }
        return { kind: 'logged', newReport, ...result }
      })
    },

    /** The result stored under this key (a plain read: the write that claims it is log's). */
    async prior(key) {
      const prior = await row<{ fingerprint: string; result: string }>(
        pool,
        'SELECT fingerprint, result FROM idempotency WHERE user_id = $1 AND action = $2 AND request_id = $3',
        [key.userId, key.action, key.requestId],
      )
      if (!prior) return null
      if (prior.fingerprint !== key.fingerprint) return { kind: 'keyReused' }
      return { kind: 'replayed', ...(JSON.parse(prior.result) as VisitLogResult) }
    },

    async list(query) {
      if (query.gridIds.length === 0) return []
      const params: unknown[] = [...query.gridIds]
      if (query.after) params.push(query.after.visitedAt, query.after.visitedAt, query.after.seq)
      params.push(query.limit)
      return (await q<VisitRow>(pool, sqlOf.listByGrids(query.gridIds.length, !!query.after), params)).map(visitRecord)
    },

    async householdFile(householdId, page, audit) {
      return inTransaction(pool, async (c) => {
        await writeAudit(c, audit)
        const a = page.after
        const params: unknown[] = a ? [householdId, a.visitedAt, a.visitedAt, a.seq, page.limit] : [householdId, page.limit]
        const visits = (await q<VisitRow>(c, sqlOf.listByHousehold(!!a), params)).map(visitRecord)
        return { visits, followUp: await followUpOf(c, householdId) }
      })
    },

    async coverage(gridIds, from) {
      if (gridIds.length === 0) return []
      const found = await q<{ grid_id: string; households: number; visited: number }>(pool, sqlOf.coverage(gridIds.length), [from, ...gridIds])
      return found.map((r) => ({ gridId: r.grid_id, households: Number(r.households), visited: Number(r.visited) }))
    },

    async workers(gridIds, from) {
      if (gridIds.length === 0) return []
      const found = await q<{ user_id: string; name: string; visits: number; households: number }>(pool, sqlOf.workers(gridIds.length), [...gridIds, from, ...gridIds, ...gridIds, from])
      return found.map((r) => ({ userId: r.user_id, name: r.name, visits: Number(r.visits), households: Number(r.households) }))
    },

    async pending(gridIds, from, after, limit) {
      if (gridIds.length === 0) return []
      const params: unknown[] = [...gridIds, from]
      if (after) {
        const last = after.last === '' ? NEVER : after.last
        params.push(last, last, after.id)
      }
      params.push(limit)
      return (await q<PendingDbRow>(pool, pendingSql(gridIds.length, !!after), params)).map(pendingRow)
    },

    async followUps(gridIds) {
      if (gridIds.length === 0) return []
      return (await q<FollowUpRow>(pool, sqlOf.followUps(gridIds.length), gridIds)).map(followUpRecord)
    },

    async markFollowUp(m, audit) {
      return inTransaction(pool, async (c) => {
        await c.query(
          `${UPSERT_FOLLOW_UP} UPDATE SET kind = excluded.kind, reason = excluded.reason, every_days = excluded.every_days,
             marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
          [m.householdId, m.communityId, m.gridId, m.kind, m.reason, m.everyDays, m.markedBy, m.markedAt],
        )
        await writeAudit(c, audit)
        return (await followUpOf(c, m.householdId))!
      })
    },

    async clearFollowUp(householdId, audit) {
      return inTransaction(pool, async (c) => {
        const gone = await c.query('DELETE FROM household_follow_ups WHERE household_id = $1', [householdId])
        if ((gone.rowCount ?? 0) === 0) return false
        await writeAudit(c, audit)
        return true
      })
    },

    async plan(communityId) {
      const p = await row<{ months: number }>(pool, 'SELECT months FROM visit_plans WHERE community_id = $1', [communityId])
      return p ? Number(p.months) : null
    },

    async setPlan(communityId, months, by, at, audit) {
      await inTransaction(pool, async (c) => {
        await c.query(
          `INSERT INTO visit_plans (community_id, months, set_by, set_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (community_id) DO UPDATE SET months = excluded.months, set_by = excluded.set_by, set_at = excluded.set_at`,
          [communityId, months, by, at],
        )
        await writeAudit(c, audit)
      })
    },
  }
}
