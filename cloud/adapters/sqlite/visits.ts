import type { IdempotencyKey } from '../../shared/ports'
import type { FollowUpRecord, NewFollowUp, NewVisit, VisitLogOutcome, VisitLogResult, VisitReport, VisitRepo } from '../../visits/ports'
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
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import type { Db } from './open'
import { reportStatements } from './reports'

/** The visits store on SQLite: each write one IMMEDIATE transaction (the report of a finding nested in the visit's). */
export function visitRepo(db: Db): VisitRepo {
  const idem = idempotencyTable(db)
  const writeAudit = auditWriter(db)
  const reportWrites = reportStatements(db)

  const insertVisit = db.prepare(`
    INSERT INTO visits (id, community_id, grid_id, household_id, visitor_id, visited_at, met, finding, note, report_id, created_at)
    VALUES (@id, @communityId, @gridId, @householdId, @visitorId, @visitedAt, @met, @finding, @note, @reportId, @createdAt)`)
  const upsertFollowUp = db.prepare(`
    INSERT INTO household_follow_ups (household_id, community_id, grid_id, kind, reason, every_days, marked_by, marked_at)
    VALUES (@householdId, @communityId, @gridId, @kind, @reason, @everyDays, @markedBy, @markedAt)
    ON CONFLICT (household_id) DO UPDATE SET kind = excluded.kind, reason = excluded.reason, every_days = excluded.every_days,
      marked_by = excluded.marked_by, marked_at = excluded.marked_at`)
  const insertFollowUpOnce = db.prepare(`
    INSERT INTO household_follow_ups (household_id, community_id, grid_id, kind, reason, every_days, marked_by, marked_at)
    VALUES (@householdId, @communityId, @gridId, @kind, @reason, @everyDays, @markedBy, @markedAt)
    ON CONFLICT (household_id) DO NOTHING`)
  const followUpOf = db.prepare<[string], FollowUpRow>(`${FOLLOW_UP_SELECT} WHERE f.household_id = ?`)
  const deleteFollowUp = db.prepare('DELETE FROM household_follow_ups WHERE household_id = ?')
  const planOf = db.prepare<[string], { months: number }>('SELECT months FROM visit_plans WHERE community_id = ?')
  const upsertPlan = db.prepare(`
    INSERT INTO visit_plans (community_id, months, set_by, set_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (community_id) DO UPDATE SET months = excluded.months, set_by = excluded.set_by, set_at = excluded.set_at`)

  const all = <R>(sql: string, params: unknown[]): R[] => db.prepare(sql).all(...params) as R[]

  const logTx = db.transaction(
    (v: NewVisit, key: IdempotencyKey | null, extra: { report?: VisitReport; followUp?: NewFollowUp }): VisitLogOutcome => {
      const first = idem.lookup<VisitLogResult>(key)
      if (first.kind === 'keyReused') return first
      if (first.kind === 'replayed') return { kind: 'replayed', ...first.result }
      let reportId: string | null = null
      let newReport = false
      if (extra.report) {
        // report.create's own statements, nested (a savepoint)
        const r = extra.report
        const made = reportWrites.create(r.report, r.photoIds, r.messages, r.key)
        if (made.kind === 'keyReused' || made.kind === 'badPhotos') return { kind: made.kind === 'badPhotos' ? 'badPhotos' : 'keyReused' }
        reportId = made.report.id
        newReport = made.kind === 'created'
      }
      insertVisit.run({ ...v, reportId })
      if (extra.followUp) insertFollowUpOnce.run(extra.followUp)
      const result: VisitLogResult = { visitId: v.id, reportId }
      idem.store(key, result, v.createdAt)
      return { kind: 'logged', newReport, ...result }
    },
  )

  const fileTx = db.transaction((householdId: string, after: { visitedAt: string; seq: number } | null, limit: number, audit: Parameters<VisitRepo['householdFile']>[2]) => {
    writeAudit(audit)
    const params: unknown[] = after ? [householdId, after.visitedAt, after.visitedAt, after.seq, limit] : [householdId, limit]
    const visits = all<VisitRow>(sqlOf.listByHousehold(!!after), params).map(visitRecord)
    const f = followUpOf.get(householdId)
    return { visits, followUp: f ? followUpRecord(f) : null }
  })

  const markTx = db.transaction((mark: NewFollowUp, audit: Parameters<VisitRepo['markFollowUp']>[1]): FollowUpRecord => {
    upsertFollowUp.run(mark)
    writeAudit(audit)
    return followUpRecord(followUpOf.get(mark.householdId) as FollowUpRow)
  })

  const clearTx = db.transaction((householdId: string, audit: Parameters<VisitRepo['clearFollowUp']>[1]): boolean => {
    if (deleteFollowUp.run(householdId).changes === 0) return false
    writeAudit(audit)
    return true
  })

  const planTx = db.transaction((communityId: string, months: number, by: string, at: string, audit: Parameters<VisitRepo['setPlan']>[4]) => {
    upsertPlan.run(communityId, months, by, at)
    writeAudit(audit)
  })

  return {
    async log(visit, key, extra) {
      return logTx.immediate(visit, key, extra)
    },
    async prior(key) {
      const first = idem.lookup<VisitLogResult>(key)
      if (first.kind === 'none') return null
      return first.kind === 'keyReused' ? first : { kind: 'replayed', ...first.result }
    },
    async list(q) {
      if (q.gridIds.length === 0) return []
      const params: unknown[] = [...q.gridIds]
      if (q.after) params.push(q.after.visitedAt, q.after.visitedAt, q.after.seq)
      params.push(q.limit)
      return all<VisitRow>(sqlOf.listByGrids(q.gridIds.length, !!q.after), params).map(visitRecord)
    },
    async householdFile(householdId, page, audit) {
      return fileTx.immediate(householdId, page.after, page.limit, audit)
    },
    async coverage(gridIds, from) {
      if (gridIds.length === 0) return []
      return all<{ grid_id: string; households: number; visited: number }>(sqlOf.coverage(gridIds.length), [from, ...gridIds]).map((r) => ({
        gridId: r.grid_id,
        households: Number(r.households),
        visited: Number(r.visited),
      }))
    },
    async workers(gridIds, from) {
      if (gridIds.length === 0) return []
      return all<{ user_id: string; name: string; visits: number; households: number }>(sqlOf.workers(gridIds.length), [...gridIds, from, ...gridIds, ...gridIds, from]).map((r) => ({
        userId: r.user_id,
        name: r.name,
        visits: Number(r.visits),
        households: Number(r.households),
      }))
    },
    async pending(gridIds, from, after, limit) {
      if (gridIds.length === 0) return []
      const params: unknown[] = [...gridIds, from]
      if (after) {
        const last = after.last === '' ? NEVER : after.last
        params.push(last, last, after.id)
      }
      params.push(limit)
      return all<PendingDbRow>(pendingSql(gridIds.length, !!after), params).map(pendingRow)
    },
    async followUps(gridIds) {
      if (gridIds.length === 0) return []
      return all<FollowUpRow>(sqlOf.followUps(gridIds.length), gridIds).map(followUpRecord)
    },
    async markFollowUp(mark, audit) {
      return markTx.immediate(mark, audit)
    },
    async clearFollowUp(householdId, audit) {
      return clearTx.immediate(householdId, audit)
    },
    async plan(communityId) {
      return planOf.get(communityId)?.months ?? null
    },
    async setPlan(communityId, months, by, at, audit) {
      planTx.immediate(communityId, months, by, at, audit)
    },
  }
}
