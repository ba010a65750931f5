import type { Pool } from 'pg'
import type { WarningParams } from '@/domain/warnings'
import type { NewMessage } from '../../messages/ports'
import type { AssessOutcome, RaiseOutcome, WarningRepo } from '../../warnings/ports'
import {
  ASSESSMENT_SELECT,
  assessmentRecord,
  COMMITTEE_SQL,
  countRow,
  countsSql,
  FACTS_SQL,
  GRID_WORKERS_SQL,
  listWhere,
  paramsOf,
  reportFact,
  WARNING_SELECT,
  warningRecord,
  type AssessmentRow,
  type CountRow,
  type FactRow,
  type WarningRow,
} from '../rows/warnings'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { writeMessage } from './messages'
import { inTransaction, inTransactionOr, numbered, Rollback, row, rows } from './tx'

/**
 * 预测预警 on PostgreSQL, as ../sqlite/warnings.ts, at READ COMMITTED: a warning is inserted with ON CONFLICT DO
 * NOTHING on its unique key (a second sweep inserting the same key waits for the first's commit, then inserts
 * nothing and sends nothing); an assessment is a conditional UPDATE on the open warning (row-locked until commit:
 * a second closer waits, then finds it closed), after the request key is claimed.
 */
export function warningRepo(pool: Pool): WarningRepo {
  return {
    async communityIds() {
      return (await rows<{ id: string }>(pool, 'SELECT id FROM communities ORDER BY id')).map((r) => r.id)
    },
    async facts(communityId, since) {
      return (await rows<FactRow>(pool, numbered(FACTS_SQL), [communityId, since, since])).map(reportFact)
    },
    async raise(w, notice, newId) {
      return inTransaction<RaiseOutcome>(pool, async (c) => {
        const inserted = await row(
          c,
          `INSERT INTO warnings (id, community_id, grid_id, level, signal, area_key, category, period, observed, baseline,
             p_value, report_ids, status, raised_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13)
           ON CONFLICT (community_id, signal, area_key, category, period) DO NOTHING RETURNING 1`,
          [w.id, w.communityId, w.gridId, w.level, w.signal, w.areaKey, w.category, w.period, w.observed, w.baseline, w.pValue, JSON.stringify(w.reportIds), w.raisedAt],
        )
        if (!inserted) return { kind: 'exists' }
        let owners = w.gridId ? await rows<{ id: string }>(c, numbered(GRID_WORKERS_SQL), [w.gridId]) : []
        if (owners.length === 0) owners = await rows<{ id: string }>(c, numbered(COMMITTEE_SQL), [w.communityId])
        const messages: NewMessage[] = owners.map((o) => ({ id: newId(), userId: o.id, kind: 'report', title: notice.title, body: notice.body, target: { type: 'warning', id: w.id }, createdAt: w.raisedAt }))
        for (const m of messages) await writeMessage(c, m)
        return { kind: 'raised', messages }
      })
    },
    async list(q) {
      const { sql, values } = listWhere(q)
      return (await rows<WarningRow>(pool, numbered(sql), values)).map(warningRecord)
    },
    async get(id) {
      const r = await row<WarningRow>(pool, numbered(`${WARNING_SELECT} WHERE w.id = ?`), [id])
      return r ? warningRecord(r) : null
    },
    async assessments(warningId) {
      return (await rows<AssessmentRow>(pool, numbered(ASSESSMENT_SELECT), [warningId])).map(assessmentRecord)
    },
    async assess(a, key, audit) {
      return inTransactionOr<AssessOutcome, AssessOutcome>(pool, async (c) => {
        const claim = await claimKey(c, key, { assessmentId: a.id }, a.at)
        if (claim.kind === 'keyReused') throw new Rollback({ kind: 'keyReused' })
        if (claim.kind === 'replayed') throw new Rollback({ kind: 'replayed', assessmentId: claim.result.assessmentId })
        const updated = await c.query(
          `UPDATE warnings SET judgement = $1, status = CASE WHEN $2 THEN 'closed' ELSE status END,
             closed_at = CASE WHEN $2 THEN $3::timestamptz ELSE closed_at END, closed_by = CASE WHEN $2 THEN $4 ELSE closed_by END,
             version = version + 1
           WHERE id = $5 AND status = 'open'`,
          [a.judgement, a.close, a.at, a.assessorId, a.warningId],
        )
        if (updated.rowCount !== 1) throw new Rollback({ kind: 'closed' })
        await c.query(
          `INSERT INTO warning_assessments (id, warning_id, assessor_id, participants, judgement, actions, note, closed, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [a.id, a.warningId, a.assessorId, JSON.stringify(a.participants), a.judgement, JSON.stringify(a.actions), a.note, a.close, a.at],
        )
        await writeAudit(c, audit)
        return { kind: 'assessed', assessmentId: a.id }
      })
    },
    async counts(communityIds, since) {
      return (await rows<CountRow>(pool, numbered(countsSql(communityIds.length)), [...communityIds, since])).map(countRow)
    },
    async params(communityId): Promise<WarningParams | null> {
      const r = await row<{ params: string }>(pool, 'SELECT params FROM warning_rules WHERE community_id = $1', [communityId])
      return r ? paramsOf(r.params) : null
    },
    async setParams(communityId, params, by, at, audit) {
      await inTransaction(pool, async (c) => {
        await c.query(
          `INSERT INTO warning_rules (community_id, params, updated_by, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (community_id) DO UPDATE SET params = excluded.params, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
          [communityId, JSON.stringify(params), by, at],
        )
        await writeAudit(c, audit)
      })
    },
  }
}
