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
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import { messageWriter } from './messages'
import type { Db } from './open'

/** 预测预警 on SQLite: raising and assessing are each one IMMEDIATE transaction (unique key; conditional UPDATE). */
export function warningRepo(db: Db): WarningRepo {
  const idem = idempotencyTable(db)
  const writeAudit = auditWriter(db)
  const writeMessage = messageWriter(db)
  const insertWarning = db.prepare(`
    INSERT INTO warnings (id, community_id, grid_id, level, signal, area_key, category, period, observed, baseline, p_value,
      report_ids, status, raised_at)
    VALUES (@id, @communityId, @gridId, @level, @signal, @areaKey, @category, @period, @observed, @baseline, @pValue,
      @reportIds, 'open', @raisedAt)
    ON CONFLICT (community_id, signal, area_key, category, period) DO NOTHING`)
  const gridWorkers = db.prepare<[string], { id: string }>(GRID_WORKERS_SQL)
  const committee = db.prepare<[string], { id: string }>(COMMITTEE_SQL)
  const byId = db.prepare<[string], WarningRow>(`${WARNING_SELECT} WHERE w.id = ?`)
  const assessmentsOf = db.prepare<[string], AssessmentRow>(ASSESSMENT_SELECT)
  const facts = db.prepare<[string, string, string], FactRow>(FACTS_SQL)
  const update = db.prepare(`
    UPDATE warnings SET judgement = ?, status = CASE WHEN ? = 1 THEN 'closed' ELSE status END,
      closed_at = CASE WHEN ? = 1 THEN ? ELSE closed_at END, closed_by = CASE WHEN ? = 1 THEN ? ELSE closed_by END,
      version = version + 1
    WHERE id = ? AND status = 'open'`)
  const insertAssessment = db.prepare(`
    INSERT INTO warning_assessments (id, warning_id, assessor_id, participants, judgement, actions, note, closed, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const paramsRow = db.prepare<[string], { params: string }>('SELECT params FROM warning_rules WHERE community_id = ?')
  const upsertParams = db.prepare(`
    INSERT INTO warning_rules (community_id, params, updated_by, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (community_id) DO UPDATE SET params = excluded.params, updated_by = excluded.updated_by, updated_at = excluded.updated_at`)

  const raise = db.transaction((w: Parameters<WarningRepo['raise']>[0], notice: Parameters<WarningRepo['raise']>[1], newId: () => string): RaiseOutcome => {
    const inserted = insertWarning.run({ ...w, reportIds: JSON.stringify(w.reportIds) }).changes === 1
    if (!inserted) return { kind: 'exists' }
    let owners = w.gridId ? gridWorkers.all(w.gridId) : []
    if (owners.length === 0) owners = committee.all(w.communityId)
    const messages: NewMessage[] = owners.map((o) => ({ id: newId(), userId: o.id, kind: 'report', title: notice.title, body: notice.body, target: { type: 'warning', id: w.id }, createdAt: w.raisedAt }))
    for (const m of messages) writeMessage(m)
    return { kind: 'raised', messages }
  })

  const assess = db.transaction((...[a, key, audit]: Parameters<WarningRepo['assess']>): AssessOutcome => {
    const prior = idem.lookup<{ assessmentId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', assessmentId: prior.result.assessmentId }
    const c = a.close ? 1 : 0
    if (update.run(a.judgement, c, c, a.at, c, a.assessorId, a.warningId).changes !== 1) return { kind: 'closed' }
    insertAssessment.run(a.id, a.warningId, a.assessorId, JSON.stringify(a.participants), a.judgement, JSON.stringify(a.actions), a.note, c, a.at)
    writeAudit(audit)
    idem.store(key, { assessmentId: a.id }, a.at)
    return { kind: 'assessed', assessmentId: a.id }
  })

  const setParams = db.transaction((...[communityId, params, by, at, audit]: Parameters<WarningRepo['setParams']>) => {
    upsertParams.run(communityId, JSON.stringify(params), by, at)
    writeAudit(audit)
  })

  return {
    async communityIds() {
      return (db.prepare('SELECT id FROM communities ORDER BY id').all() as { id: string }[]).map((r) => r.id)
    },
    async facts(communityId, since) {
      return facts.all(communityId, since, since).map(reportFact)
    },
    async raise(w, notice, newId) {
      return raise.immediate(w, notice, newId)
    },
    async list(q) {
      const { sql, values } = listWhere(q)
      return (db.prepare(sql).all(...values) as WarningRow[]).map(warningRecord)
    },
    async get(id) {
      const r = byId.get(id)
      return r ? warningRecord(r) : null
    },
    async assessments(warningId) {
      return assessmentsOf.all(warningId).map(assessmentRecord)
    },
    async assess(a, key, audit) {
      return assess.immediate(a, key, audit)
    },
    async counts(communityIds, since) {
      return (db.prepare(countsSql(communityIds.length)).all(...communityIds, since) as CountRow[]).map(countRow)
    },
    async params(communityId): Promise<WarningParams | null> {
      const r = paramsRow.get(communityId)
      return r ? paramsOf(r.params) : null
    },
    async setParams(communityId, params, by, at, audit) {
      setParams.immediate(communityId, params, by, at, audit)
    },
  }
}
