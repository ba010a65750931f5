import { z } from 'zod'
import { idSchema, multilineText, pageSchema, text, type Page } from '../shared/text'

/**
 * 社会稳定风险评估 (稳评, issue 18): a motion the committee marks as major (重大事项) does not enter voting — by
 * the committee's step or by its schedule — until an assessment is filed for it, and one rated 高 until the
 * street has signed it off. The gate is kept on the motion (`riskGate`) and checked by the store inside the step.
 */

/** The four dimensions a 稳评 looks at (合法性、合理性、可行性、可控性), plus safety. */
export const RISK_CATEGORIES = ['legality', 'reasonableness', 'feasibility', 'controllability', 'safety'] as const
export type RiskCategory = (typeof RISK_CATEGORIES)[number]
export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  legality: '合法性',
  reasonableness: '合理性',
  feasibility: '可行性',
  controllability: '可控性',
  safety: '安全性',
}

export const RISK_LEVELS = ['low', 'medium', 'high'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: '低风险', medium: '中风险', high: '高风险' }

/**
 * The motion's gate: `none` — not major; `pending` — major, and no assessment yet, or one rated 高 the street
 * has not approved; `cleared` — may enter voting.
 */
export const RISK_GATES = ['none', 'pending', 'cleared'] as const
export type RiskGate = (typeof RISK_GATES)[number]

/** The street's answer to a 高 assessment: pending until given; returned sends it back to the committee. */
export const SIGN_OFF_STATES = ['pending', 'approved', 'returned'] as const
export type SignOffState = (typeof SIGN_OFF_STATES)[number]
export const SIGN_OFF_LABELS: Record<SignOffState, string> = { pending: '待街道审核', approved: '街道已同意', returned: '街道退回' }

/** Whether an assessment of this level (and, for 高, this sign-off) lets the motion enter voting. */
export function clearsVoting(level: RiskLevel, signOff: SignOffState | null): boolean {
  return level !== 'high' || signOff === 'approved'
}

/** The gate after filing an assessment of `level`: 高 waits for the street (its sign-off starts pending). */
export function gateAfterFiling(level: RiskLevel): { gate: RiskGate; signOff: SignOffState | null } {
  return level === 'high' ? { gate: 'pending', signOff: 'pending' } : { gate: 'cleared', signOff: null }
}

/** Why a major motion may not enter voting now, in the words the committee reads (null: it may). */
export function riskBlock(gate: RiskGate, assessment: { level: RiskLevel; signOff: SignOffState | null } | null): string | null {
  if (gate !== 'pending') return null
  if (!assessment) return '重大事项须先提交社会稳定风险评估，才能进入表决'
  if (assessment.signOff === 'returned') return '稳评被街道退回，请修改后重新提交'
  return '稳评为高风险，须经街道审核同意后才能进入表决'
}

// ---------- inputs ----------

const riskSchema = z.strictObject({
  category: z.enum(RISK_CATEGORIES, { error: '风险类别不正确' }),
  description: multilineText(1, 500, '风险描述'),
})

const linkedIds = (label: string) =>
  z.array(idSchema, { error: `${label}格式不正确` }).max(20, { message: `${label}最多关联 20 条` }).optional()

export const motionAssessRiskSchema = z.strictObject({
  id: idSchema,
  risks: z.array(riskSchema, { error: '请填写发现的风险' }).max(20, { message: '风险最多 20 条' }),
  consultation: z.strictObject({
    summary: multilineText(1, 1000, '征求意见情况'),
    commentIds: linkedIds('意见'),
    meetingIds: linkedIds('会议'),
    visitIds: linkedIds('走访'),
  }),
  level: z.enum(RISK_LEVELS, { error: '请选择风险等级' }),
  mitigation: multilineText(1, 1000, '化解措施'),
})
export type MotionAssessRiskInput = z.input<typeof motionAssessRiskSchema>

export const motionSignOffRiskSchema = z.strictObject({
  id: idSchema,
  /** the assessment revision the street read: a newer filing is not signed unseen */
  rev: z.number({ error: '评估版本不正确' }).int().min(1).max(1000),
  decision: z.enum(['approved', 'returned'], { error: '请选择同意或退回' }),
  note: text(0, 200, '审核意见').optional(),
})
export type MotionSignOffRiskInput = z.input<typeof motionSignOffRiskSchema>

export const motionRiskReviewsSchema = z.strictObject({ ...pageSchema })
export type MotionRiskReviewsInput = z.input<typeof motionRiskReviewsSchema>

// ---------- views ----------

/** What everyone of the community sees: that an assessment was made, its level and where the sign-off stands. */
export interface RiskPublicView {
  major: boolean
  assessment: { level: RiskLevel; filedAt: string; signOff: SignOffState | null } | null
  /** why voting cannot open yet (null: nothing holds it) */
  block: string | null
}

/** What staff see besides: the whole assessment. */
export interface RiskAssessmentView {
  rev: number
  risks: { category: RiskCategory; description: string }[]
  consultation: { summary: string; commentIds: string[]; meetingIds: string[]; visitIds: string[] }
  level: RiskLevel
  mitigation: string
  filedByName: string
  filedAt: string
  signOff: SignOffState | null
  signedByName: string | null
  signedAt: string | null
  signNote: string | null
}

export interface MotionRiskView extends RiskPublicView {
  /** staff of the community and the tiers above it only */
  full: RiskAssessmentView | null
}

/** One 高 assessment waiting for the street. */
export interface RiskReviewItem {
  motionId: string
  title: string
  communityName: string
  level: RiskLevel
  rev: number
  filedAt: string
}

export type RiskReviewPage = Page<RiskReviewItem>
