import { z } from 'zod'
import { reportCreateSchema } from '../reports'
import { idSchema, isoTime, multilineText, pageSchema, text, type Page } from '../shared/text'
import { FOLLOW_UP_DAYS, PLAN_MONTHS } from './rules'

/**
 * 入户走访 / 排查 (issue 17): a grid worker's visits to the households of their grids, the follow-up marks on
 * households (独居老人, 困难家庭, 重点关注), the visit plan per community and its coverage. Time rules: ./rules.
 */

export const VISIT_FINDINGS = ['none', 'need', 'dispute', 'hazard', 'vulnerable'] as const
export type VisitFinding = (typeof VISIT_FINDINGS)[number]
export const VISIT_FINDING_LABELS: Record<VisitFinding, string> = {
  none: '无异常',
  need: '民生诉求',
  dispute: '矛盾纠纷',
  hazard: '安全隐患',
  vulnerable: '需关注人员',
}
/** Findings that may become a report in the report workflow (转为随手拍上报). */
export const REPORTABLE_FINDINGS: readonly VisitFinding[] = ['need', 'dispute', 'hazard']

export const FOLLOW_UP_KINDS = ['livingAlone', 'hardship', 'watch'] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]
export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  livingAlone: '独居老人',
  hardship: '困难家庭',
  watch: '重点关注',
}

// ---------- inputs ----------

const reportPieces = reportCreateSchema.shape
const everyDays = z
  .number({ error: '走访频次必须是数字' })
  .int({ message: '走访频次应为整数天' })
  .min(FOLLOW_UP_DAYS.min, { message: `走访频次至少每 ${FOLLOW_UP_DAYS.min} 天` })
  .max(FOLLOW_UP_DAYS.max, { message: `走访频次最多每 ${FOLLOW_UP_DAYS.max} 天` })

export const followUpSchema = z.strictObject({
  kind: z.enum(FOLLOW_UP_KINDS, { message: '请选择关注类别' }),
  reason: text(1, 200, '关注原因'),
  everyDays,
})
export type FollowUpInput = z.input<typeof followUpSchema>

export const visitLogSchema = z
  .strictObject({
    householdId: idSchema,
    visitedAt: isoTime,
    met: text(0, 50, '见到的人'),
    finding: z.enum(VISIT_FINDINGS, { message: '请选择走访发现' }),
    note: multilineText(0, 1000, '走访记录'),
    /** a vulnerable finding: the mark it puts on the household (an existing mark is kept) */
    followUp: followUpSchema.optional(),
    /** 转为随手拍上报: the finding becomes a report of the household's grid, in the visit's transaction */
    raiseReport: z
      .strictObject({
        category: reportPieces.category,
        description: reportPieces.description,
        photoIds: reportPieces.photoIds,
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.finding === 'vulnerable' && !v.followUp) {
      ctx.addIssue({ code: 'custom', path: ['followUp'], message: '发现需关注人员时，请填写关注类别和原因' })
    }
    if (v.finding !== 'vulnerable' && v.followUp) {
      ctx.addIssue({ code: 'custom', path: ['followUp'], message: '只有发现需关注人员时才标记关注' })
    }
    if (v.raiseReport && !REPORTABLE_FINDINGS.includes(v.finding)) {
      ctx.addIssue({ code: 'custom', path: ['raiseReport'], message: '只有民生诉求、矛盾纠纷、安全隐患可以转为上报' })
    }
  })
export type VisitLogInput = z.input<typeof visitLogSchema>

export const visitListSchema = z.strictObject({
  /** one household's visit file (staff; audited) */
  householdId: idSchema.optional(),
  /** one grid (else every grid of the caller) */
  gridId: idSchema.optional(),
  ...pageSchema,
})
export type VisitListInput = z.input<typeof visitListSchema>

export const visitCoverageSchema = z.strictObject({
  /** street, district and city staff: which community under them */
  communityId: idSchema.optional(),
  /** the not-yet-visited list of one grid (else of every grid in scope) */
  gridId: idSchema.optional(),
  ...pageSchema,
})
export type VisitCoverageInput = z.input<typeof visitCoverageSchema>

export const visitSetPlanSchema = z.strictObject({
  months: z
    .number({ error: '走访周期必须是数字' })
    .int({ message: '走访周期应为整数月' })
    .min(PLAN_MONTHS.min, { message: `走访周期至少 ${PLAN_MONTHS.min} 个月` })
    .max(PLAN_MONTHS.max, { message: `走访周期最多 ${PLAN_MONTHS.max} 个月` }),
})
export type VisitSetPlanInput = z.input<typeof visitSetPlanSchema>

export const visitMarkFollowUpSchema = z.strictObject({ householdId: idSchema, ...followUpSchema.shape })
export type VisitMarkFollowUpInput = z.input<typeof visitMarkFollowUpSchema>

export const visitClearFollowUpSchema = z.strictObject({ householdId: idSchema })
export type VisitClearFollowUpInput = z.input<typeof visitClearFollowUpSchema>

// ---------- views (every reply is staff-only: grid workers of the grid, the committee, the tiers above) ----------

export interface VisitHousehold {
  id: string
  gridId: string
  gridName: string
  /** 3栋2单元301 */
  address: string
  headName: string
}

export interface VisitView {
  id: string
  household: VisitHousehold
  visitorName: string
  visitedAt: string
  met: string
  finding: VisitFinding
  note: string
  reportId: string | null
}

export interface FollowUpView {
  householdId: string
  household: VisitHousehold
  kind: FollowUpKind
  reason: string
  everyDays: number
  markedAt: string
  lastVisitedAt: string | null
  dueAt: string
  overdue: boolean
}

export interface VisitListPage extends Page<VisitView> {
  /** a household's file: its follow-up mark (null: none) */
  followUp?: FollowUpView | null
}

export interface PendingHousehold {
  household: VisitHousehold
  /** null: never visited */
  lastVisitedAt: string | null
}

export interface GridCoverage {
  gridId: string
  gridName: string
  households: number
  visited: number
  notVisited: number
  followUps: number
  followUpsOverdue: number
}

export interface WorkerCoverage {
  userId: string
  name: string
  visits: number
  households: number
}

export interface VisitCoverage {
  communityId: string
  period: { months: number; from: string; to: string }
  grids: GridCoverage[]
  workers: WorkerCoverage[]
  /** overdue follow-ups in scope, most overdue first (at most 100) */
  followUpsDue: FollowUpView[]
  /** households not visited in the period, never visited first, then oldest visit first */
  pending: Page<PendingHousehold>
}
