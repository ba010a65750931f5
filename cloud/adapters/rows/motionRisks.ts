import type { RiskLevel, SignOffState } from '@/domain/motions'
import type { RiskAssessmentRecord, RiskReviewRecord } from '../../motions/ports'

/** The 稳评 table's rows and mappers: the same on both engines. */

export interface RiskRow {
  motion_id: string
  rev: number
  risks: string
  consultation: string
  level: RiskLevel
  mitigation: string
  filed_by: string
  filed_by_name: string
  filed_at: string
  sign_off: SignOffState | null
  signed_by: string | null
  signed_by_name: string | null
  signed_at: string | null
  sign_note: string | null
}

/** The assessment with the names of who filed and who signed (`m` the motion id placeholder). */
export const RISK_SELECT = `SELECT a.*, f.name AS filed_by_name, s.name AS signed_by_name
  FROM motion_risk_assessments a JOIN users f ON f.id = a.filed_by LEFT JOIN users s ON s.id = a.signed_by`

export function toAssessment(r: RiskRow): RiskAssessmentRecord {
  return {
    motionId: r.motion_id,
    rev: r.rev,
    risks: JSON.parse(r.risks) as RiskAssessmentRecord['risks'],
    consultation: JSON.parse(r.consultation) as RiskAssessmentRecord['consultation'],
    level: r.level,
    mitigation: r.mitigation,
    filedBy: r.filed_by,
    filedByName: r.filed_by_name,
    filedAt: r.filed_at,
    signOff: r.sign_off,
    signedBy: r.signed_by,
    signedByName: r.signed_by_name,
    signedAt: r.signed_at,
    signNote: r.sign_note,
  }
}

export interface ReviewRow {
  seq: number
  motion_id: string
  title: string
  community_name: string
  level: RiskLevel
  rev: number
  filed_at: string
}

export function toReview(r: ReviewRow): RiskReviewRecord {
  return { seq: Number(r.seq), motionId: r.motion_id, title: r.title, communityName: r.community_name, level: r.level, rev: r.rev, filedAt: r.filed_at }
}
