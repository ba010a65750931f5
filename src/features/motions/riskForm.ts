import { motionAssessRiskSchema, type MotionAssessRiskInput, type MotionView, type RiskCategory, type RiskLevel } from '@/domain/motions'
import { issuesToErrors, type FieldErrors } from '../common/formErrors'

/** The 稳评 form as the committee fills it in. */
export interface RiskFormValues {
  risks: { category: RiskCategory; description: string }[]
  summary: string
  commentIds: string[]
  level: RiskLevel | null
  mitigation: string
}

export const RISK_FIELDS = ['risks', 'consultation', 'level', 'mitigation'] as const
export type RiskField = (typeof RISK_FIELDS)[number]
export type RiskErrors = FieldErrors<RiskField>

/** A new form, or the motion's last filing to revise. */
export function riskFormOf(m: MotionView | null): RiskFormValues {
  const full = m?.risk.full
  if (!full) return { risks: [{ category: 'reasonableness', description: '' }], summary: '', commentIds: [], level: null, mitigation: '' }
  return {
    risks: full.risks.map((r) => ({ ...r })),
    summary: full.consultation.summary,
    commentIds: [...full.consultation.commentIds],
    level: full.level,
    mitigation: full.mitigation,
  }
}

/**
 * The form → motion.assessRisk's input, checked with the server's schema. Rows left empty are dropped (no risk
 * found is a valid finding); the first message per field.
 */
export function validateRisk(id: string, f: RiskFormValues): { input: MotionAssessRiskInput | null; errors: RiskErrors } {
  const input = {
    id,
    risks: f.risks.filter((r) => r.description.trim()),
    consultation: { summary: f.summary, commentIds: f.commentIds },
    level: f.level ?? undefined,
    mitigation: f.mitigation,
  }
  const parsed = motionAssessRiskSchema.safeParse(input)
  if (parsed.success) return { input: parsed.data, errors: {} }
  return { input: null, errors: issuesToErrors(parsed.error.issues, RISK_FIELDS) }
}
