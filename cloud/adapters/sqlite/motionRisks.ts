import { gateAfterFiling } from '@/domain/motions'
import type { MotionRecord, MotionRiskRepo, NewRiskAssessment, RiskFileOutcome, RiskSignOffOutcome } from '../../motions/ports'
import type { AuditEntry, IdempotencyKey } from '../../shared/ports'
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import type { Db } from './open'
import { toRecord, type MotionRow } from '../rows/motions'
import { RISK_SELECT, toAssessment, toReview, type ReviewRow, type RiskRow } from '../rows/motionRisks'

/** 稳评 on SQLite: the assessment, the motion's gate and the street's sign-off, each change in one IMMEDIATE transaction. */
export function motionRiskRepo(db: Db): MotionRiskRepo {
  const idem = idempotencyTable(db)
  const writeAudit = auditWriter(db)
  const motion = db.prepare<[string], MotionRow>('SELECT * FROM motions WHERE id = ?')
  const byMotion = db.prepare<[string], RiskRow>(`${RISK_SELECT} WHERE a.motion_id = ?`)
  const upsert = db.prepare(`
    INSERT INTO motion_risk_assessments (motion_id, rev, risks, consultation, level, mitigation, filed_by, filed_at, sign_off)
    VALUES (@motionId, 1, @risks, @consultation, @level, @mitigation, @filedBy, @filedAt, @signOff)
    ON CONFLICT (motion_id) DO UPDATE SET rev = rev + 1, risks = excluded.risks, consultation = excluded.consultation,
      level = excluded.level, mitigation = excluded.mitigation, filed_by = excluded.filed_by, filed_at = excluded.filed_at,
      sign_off = excluded.sign_off, signed_by = NULL, signed_at = NULL, sign_note = NULL`)
  const setGate = db.prepare("UPDATE motions SET risk_gate = ?, updated_at = ? WHERE id = ? AND risk_gate <> 'none' AND status IN ('draft', 'consultation')")
  const sign = db.prepare(`UPDATE motion_risk_assessments SET sign_off = @decision, signed_by = @by, signed_at = @at, sign_note = @note
    WHERE motion_id = @motionId AND rev = @rev AND level = 'high' AND sign_off = 'pending'`)
  const clear = db.prepare("UPDATE motions SET risk_gate = 'cleared', updated_at = ? WHERE id = ? AND risk_gate = 'pending'")
  const awaiting = db.prepare<{ street: string; after: number | null; limit: number }, ReviewRow>(`
    SELECT m.seq, m.id AS motion_id, m.title, c.name AS community_name, a.level, a.rev, a.filed_at
    FROM motion_risk_assessments a JOIN motions m ON m.id = a.motion_id JOIN communities c ON c.id = m.community_id
    WHERE a.sign_off = 'pending' AND c.street_id = @street AND m.status = 'consultation'
      AND (@after IS NULL OR m.seq > @after)
    ORDER BY m.seq LIMIT @limit`)

  const loadMotion = (id: string): MotionRecord | null => {
    const r = motion.get(id)
    return r ? toRecord(r) : null
  }

  const fileTx = db.transaction((a: NewRiskAssessment, audit: AuditEntry, key: IdempotencyKey | null): RiskFileOutcome => {
    const prior = idem.lookup<{ motionId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') {
      const m = loadMotion(a.motionId)
      const r = byMotion.get(a.motionId)
      if (m && r) return { kind: 'replayed', motion: m, assessment: toAssessment(r) }
    }
    const m = motion.get(a.motionId)
    if (!m) return { kind: 'notFound' }
    if (m.risk_gate === 'none') return { kind: 'notMajor' }
    if (m.status !== 'draft' && m.status !== 'consultation') return { kind: 'notOpen' }
    const { gate, signOff } = gateAfterFiling(a.level)
    upsert.run({ ...a, risks: JSON.stringify(a.risks), consultation: JSON.stringify(a.consultation), signOff })
    setGate.run(gate, a.filedAt, a.motionId)
    writeAudit(audit)
    idem.store(key, { motionId: a.motionId }, a.filedAt)
    return { kind: 'filed', motion: loadMotion(a.motionId) as MotionRecord, assessment: toAssessment(byMotion.get(a.motionId) as RiskRow) }
  })

  const signTx = db.transaction((s: Parameters<MotionRiskRepo['signOff']>[0], audit: AuditEntry): RiskSignOffOutcome => {
    if (sign.run({ ...s }).changes === 0) return { kind: 'stale' }
    if (s.decision === 'approved') clear.run(s.at, s.motionId)
    writeAudit(audit)
    return { kind: 'signed', motion: loadMotion(s.motionId) as MotionRecord, assessment: toAssessment(byMotion.get(s.motionId) as RiskRow) }
  })

  return {
    async get(motionId) {
      const r = byMotion.get(motionId)
      return r ? toAssessment(r) : null
    },
    async file(a, audit, key) {
      return fileTx.immediate(a, audit, key)
    },
    async signOff(s, audit) {
      return signTx.immediate(s, audit)
    },
    async awaiting(streetId, { limit, after }) {
      return awaiting.all({ street: streetId, after, limit }).map(toReview)
    },
  }
}
