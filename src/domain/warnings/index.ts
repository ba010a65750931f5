import { z } from 'zod'
import type { ReportCategory } from '../reports'
import { idSchema, multilineText, pageSchema, text, type Page } from '../shared/text'
import { PARAM_BOUNDS, PARAM_KEYS, type WarningParams } from './rules'

/**
 * 预测预警 (issue 18): warnings the sweep raises from report series (rules: ./rules, ./evaluate), the 会商研判
 * staff record on them, and each community's parameters. Staff only: residents and volunteers never see a warning.
 */

export { DEFAULT_PARAMS, PARAM_BOUNDS, PARAM_KEYS, type WarningParams } from './rules'

export const WARNING_SIGNALS = ['spike', 'repeat', 'dispute', 'patrolHazard'] as const
export type WarningSignal = (typeof WARNING_SIGNALS)[number]
export const WARNING_SIGNAL_LABELS: Record<WarningSignal, string> = {
  spike: '报事量异常升高',
  repeat: '同一户/地点反复报事',
  dispute: '纠纷反复或多次上报',
  patrolHazard: '巡逻隐患集中',
}

/** Who owns it: the grid's workers, or the community's committee. */
export type WarningLevel = 'grid' | 'community'
export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = { grid: '网格', community: '社区' }

/** A week's Monday `2025-02-24` in words: 2月24日. */
export function periodText(period: string): string {
  const [, m, d] = period.split('-').map(Number)
  return `${m}月${d}日`
}

export const WARNING_STATUSES = ['open', 'closed'] as const
export type WarningStatus = (typeof WARNING_STATUSES)[number]
export const WARNING_STATUS_LABELS: Record<WarningStatus, string> = { open: '待研判', closed: '已关闭' }

export const JUDGEMENTS = ['false_alarm', 'watch', 'act'] as const
export type Judgement = (typeof JUDGEMENTS)[number]
export const JUDGEMENT_LABELS: Record<Judgement, string> = { false_alarm: '误报', watch: '持续关注', act: '需要处置' }

export const ACTION_KINDS = ['patrol', 'notice', 'visit', 'other'] as const
export type ActionKind = (typeof ACTION_KINDS)[number]
export const ACTION_KIND_LABELS: Record<ActionKind, string> = { patrol: '安排巡逻', notice: '发布提示', visit: '入户走访', other: '其他' }

// ---------- inputs ----------

export const warningListSchema = z.strictObject({
  status: z.enum(WARNING_STATUSES, { message: '请选择预警状态' }).optional(),
  /** street, district and city staff: which community under them */
  communityId: idSchema.optional(),
  ...pageSchema,
})
export type WarningListInput = z.input<typeof warningListSchema>

export const warningGetSchema = z.strictObject({ id: idSchema })
export type WarningGetInput = z.input<typeof warningGetSchema>

export const warningAssessSchema = z.strictObject({
  id: idSchema,
  /** who else looked (besides the caller): names as said at the meeting */
  participants: z.array(text(1, 20, '参与人姓名'), { error: '参与人格式不正确' }).max(10, { message: '参与人最多 10 位' }),
  judgement: z.enum(JUDGEMENTS, { message: '请选择研判结论' }),
  actions: z
    .array(z.strictObject({ kind: z.enum(ACTION_KINDS, { message: '请选择措施类别' }), note: text(0, 200, '措施说明') }), { error: '措施格式不正确' })
    .max(5, { message: '措施最多 5 项' }),
  note: multilineText(0, 500, '研判意见'),
  close: z.boolean({ error: '请选择是否关闭预警' }),
})
export type WarningAssessInput = z.input<typeof warningAssessSchema>

const paramSchema = (k: keyof WarningParams) => {
  const b = PARAM_BOUNDS[k]
  let s = z.number({ error: `${b.label}必须是数字` })
  if (b.integer) s = s.int({ message: `${b.label}应为整数` })
  return s.min(b.min, { message: `${b.label}不能小于 ${b.min}` }).max(b.max, { message: `${b.label}不能大于 ${b.max}` })
}

export const warningSetRulesSchema = z.strictObject(
  Object.fromEntries(PARAM_KEYS.map((k) => [k, paramSchema(k)])) as Record<keyof WarningParams, z.ZodNumber>,
)
export type WarningSetRulesInput = z.input<typeof warningSetRulesSchema>

export const warningRulesSchema = z.strictObject({ communityId: idSchema.optional() })
export type WarningRulesInput = z.input<typeof warningRulesSchema>

// ---------- views (staff only) ----------

export interface WarningView {
  id: string
  communityId: string
  gridId: string | null
  gridName: string | null
  level: WarningLevel
  signal: WarningSignal
  category: ReportCategory | null
  /** the week's Monday (YYYY-MM-DD) for spikes and clusters; null for a dispute */
  period: string | null
  /** what the warning says, in Chinese */
  summary: string
  observed: number
  /** the baseline mean (spikes only) */
  baseline: number | null
  pValue: number | null
  reportCount: number
  status: WarningStatus
  /** the latest 会商研判 judgement */
  judgement: Judgement | null
  raisedAt: string
  closedAt: string | null
}

export interface AssessmentView {
  id: string
  assessorId: string
  assessorName: string
  participants: string[]
  judgement: Judgement
  actions: { kind: ActionKind; note: string }[]
  note: string
  closed: boolean
  at: string
}

export interface WarningDetail extends WarningView {
  /** the reports it counts (ids: each opens its report's page) */
  reportIds: string[]
  assessments: AssessmentView[]
  /** whether the caller may record a 会商研判 (the owning level, while open) */
  canAssess: boolean
}

export type WarningPage = Page<WarningView>

export interface WarningRulesView {
  communityId: string
  params: WarningParams
  /** false: the defaults apply (never set) */
  custom: boolean
  bounds: typeof PARAM_BOUNDS
  canEdit: boolean
}

/** warning.summary: the figures of 问题总览's 预警 card for the caller's area (a tier names the community). */
export const warningSummarySchema = z.strictObject({ communityId: idSchema.optional() })
export type WarningSummaryInput = z.input<typeof warningSummarySchema>

/** The warnings raised in the last `days` days in the caller's area: still open, and closed by their 研判 conclusion. */
export interface WarningSummary {
  days: number
  raised: number
  open: number
  closed: number
  byJudgement: Record<Judgement, number>
}
