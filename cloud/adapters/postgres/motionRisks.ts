import type { Pool } from 'pg'
import { gateAfterFiling } from '@/domain/motions'
import type { MotionRiskRepo, RiskFileOutcome, RiskSignOffOutcome } from '../../motions/ports'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { load } from './motionSteps'
import { loadMotion } from './motionRows'
import { RISK_SELECT, toAssessment, toReview, type ReviewRow, type RiskRow } from '../rows/motionRisks'
import { inTransaction, inTransactionOr, Rollback, row, rows, type Queryable } from './tx'

/**
 * 稳评 on PostgreSQL, as ../sqlite/motionRisks.ts. Filing and signing lock the motion's row FOR NO KEY UPDATE
 * first, as its phase steps do: a filing, a sign-off and the step to voting of one motion queue there and each
 * reads what the previous one committed (a sign-off of a revision refiled meanwhile finds no pending row).
 */
export function motionRiskRepo(pool: Pool): MotionRiskRepo {
  const assessment = async (db: Queryable, motionId: string) => {
    const r = await row<RiskRow>(db, `${RISK_SELECT} WHERE a.motion_id = $1`, [motionId])
    return r ? toAssessment(r) : null
  }

  return {
    async get(motionId) {
      return assessment(pool, motionId)
    },

    async file(a, audit, key) {
      return inTransactionOr<RiskFileOutcome, RiskFileOutcome>(pool, async (c) => {
        const claim = await claimKey<{ motionId: string }>(c, key, { motionId: a.motionId }, a.filedAt)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') {
          const [m, r] = [await load(c, a.motionId), await assessment(c, a.motionId)]
          if (m && r) return { kind: 'replayed', motion: m, assessment: r }
        }
        const m = await loadMotion(c, a.motionId, 'FOR NO KEY UPDATE')
        if (!m) throw new Rollback({ kind: 'notFound' })
        if (m.risk_gate === 'none') throw new Rollback({ kind: 'notMajor' })
        if (m.status !== 'draft' && m.status !== 'consultation') throw new Rollback({ kind: 'notOpen' })
        const { gate, signOff } = gateAfterFiling(a.level)
        await c.query(
          `INSERT INTO motion_risk_assessments (motion_id, rev, risks, consultation, level, mitigation, filed_by, filed_at, sign_off)
           VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (motion_id) DO UPDATE SET rev = motion_risk_assessments.rev + 1, risks = excluded.risks,
             consultation = excluded.consultation, level = excluded.level, mitigation = excluded.mitigation,
             filed_by = excluded.filed_by, filed_at = excluded.filed_at, sign_off = excluded.sign_off,
             signed_by = NULL, signed_at = NULL, sign_note = NULL`,
          [a.motionId, JSON.stringify(a.risks), JSON.stringify(a.consultation), a.level, a.mitigation, a.filedBy, a.filedAt, signOff],
        )
        await c.query('UPDATE motions SET risk_gate = $1, updated_at = $2 WHERE id = $3', [gate, a.filedAt, a.motionId])
        await writeAudit(c, audit)
        const [motion, filed] = [await load(c, a.motionId), await assessment(c, a.motionId)]
        if (!motion || !filed) throw new Error(`motion.assessRisk: motion ${a.motionId} not found after filing`)
        return { kind: 'filed', motion, assessment: filed }
      })
    },

    async signOff(s, audit) {
      return inTransaction<RiskSignOffOutcome>(pool, async (c) => {
        await loadMotion(c, s.motionId, 'FOR NO KEY UPDATE')
        const signed = await row(
          c,
          `UPDATE motion_risk_assessments SET sign_off = $3, signed_by = $4, signed_at = $5, sign_note = $6
           WHERE motion_id = $1 AND rev = $2 AND level = 'high' AND sign_off = 'pending' RETURNING 1`,
          [s.motionId, s.rev, s.decision, s.by, s.at, s.note],
        )
        if (!signed) return { kind: 'stale' }
        if (s.decision === 'approved') {
          await c.query("UPDATE motions SET risk_gate = 'cleared', updated_at = $1 WHERE id = $2 AND risk_gate = 'pending'", [s.at, s.motionId])
        }
        await writeAudit(c, audit)
        const [motion, a] = [await load(c, s.motionId), await assessment(c, s.motionId)]
        if (!motion || !a) throw new Error(`motion.signOffRisk: motion ${s.motionId} not found after signing`)
        return { kind: 'signed', motion, assessment: a }
      })
    },

    async awaiting(streetId, { limit, after }) {
      const found = await rows<ReviewRow>(
        pool,
        `SELECT m.seq, m.id AS motion_id, m.title, c.name AS community_name, a.level, a.rev, a.filed_at
         FROM motion_risk_assessments a JOIN motions m ON m.id = a.motion_id JOIN communities c ON c.id = m.community_id
         WHERE a.sign_off = 'pending' AND c.street_id = $1 AND m.status = 'consultation'
           AND ($2::bigint IS NULL OR m.seq > $2::bigint)
         ORDER BY m.seq LIMIT $3`,
        [streetId, after, limit],
      )
      return found.map(toReview)
    },
  }
}
