import { z } from 'zod'
import type { CastCounts, Eligibility, TallyBase } from './tally'
import type { MotionRiskView } from './risk'
import { hasControl, idSchema, isoTime, multilineText, pageSchema, text, type Page } from '../shared/text'

/**
 * 议事表决 (issue 5): motions on 村规民约/居民公约 (`rules`) or a public matter (`matter`), their phases as data,
 * the schemas of every motion.* and rules.* action and the views they return.
 */

export const MOTION_KINDS = ['rules', 'matter'] as const
export type MotionKind = (typeof MOTION_KINDS)[number]
export const MOTION_KIND_LABELS: Record<MotionKind, string> = { rules: '村规民约/居民公约', matter: '公共事务' }

export const ELIGIBILITIES = ['adults', 'households'] as const
export type { Eligibility }
export const ELIGIBILITY_LABELS: Record<Eligibility, string> = { adults: '每位成年居民一票', households: '每户一票' }

export const MOTION_STATUSES = ['draft', 'consultation', 'voting', 'closed'] as const
export type MotionStatus = (typeof MOTION_STATUSES)[number]
export const MOTION_STATUS_LABELS: Record<MotionStatus, string> = {
  draft: '草稿',
  consultation: '征求意见',
  voting: '表决中',
  closed: '已结束',
}

/**
 * The phase machine: each status and the one it advances to (committee's motion.advance, at any time), and
 * the scheduled time that advances it by itself (null: only the committee moves it). A draft is not
 * published, so no time moves it.
 */
export const MOTION_FLOW: Record<MotionStatus, { next: MotionStatus | null; at: 'voteFrom' | 'voteUntil' | null }> = {
  draft: { next: 'consultation', at: null },
  consultation: { next: 'voting', at: 'voteFrom' },
  voting: { next: 'closed', at: 'voteUntil' },
  closed: { next: null, at: null },
}

/** Who may act in each phase (the API and the UI ask the same table). */
export const MOTION_PHASE_RULES: Record<MotionStatus, { revise: boolean; comment: boolean; cast: boolean; result: boolean; visibleToResidents: boolean }> = {
  draft: { revise: true, comment: false, cast: false, result: false, visibleToResidents: false },
  consultation: { revise: true, comment: true, cast: false, result: false, visibleToResidents: true },
  voting: { revise: false, comment: false, cast: true, result: false, visibleToResidents: true },
  closed: { revise: false, comment: false, cast: false, result: true, visibleToResidents: true },
}

export function nextStatus(s: MotionStatus): MotionStatus | null {
  return MOTION_FLOW[s].next
}

/**
 * Where the scheduled times lead a motion at `now`: consultation → voting at voteFrom, voting → closed at
 * voteUntil (a consultation whose voteUntil also passed goes straight through to closed).
 */
export function statusByTime(m: { status: MotionStatus; voteFrom: string; voteUntil: string }, now: string): MotionStatus {
  let s = m.status
  if (s === 'consultation' && m.voteFrom <= now) s = 'voting'
  if (s === 'voting' && m.voteUntil <= now) s = 'closed'
  return s
}

export const RULES_CHOICES = ['yes', 'no', 'abstain'] as const
export type RulesChoice = (typeof RULES_CHOICES)[number]
export const RULES_CHOICE_LABELS: Record<RulesChoice, string> = { yes: '赞成', no: '反对', abstain: '弃权' }

/** A choice as the store keeps it: 'yes' | 'no' | 'abstain' for rules, the option index as text for matter. */
export type Choice = RulesChoice | number

export function choiceKey(c: Choice): string {
  return typeof c === 'number' ? String(c) : c
}

export function choiceOfKey(kind: MotionKind, key: string): Choice {
  return kind === 'rules' ? (key as RulesChoice) : Number(key)
}

/** Valid for this motion: a rules choice word, or an index of the matter's options. */
export function isChoiceOf(m: { kind: MotionKind; options: string[] | null }, c: Choice): boolean {
  if (m.kind === 'rules') return typeof c === 'string' && (RULES_CHOICES as readonly string[]).includes(c)
  return typeof c === 'number' && Number.isInteger(c) && c >= 0 && c < (m.options?.length ?? 0)
}

/** The empty tally of a motion: { yes, no, abstain } or { "0": 0, "1": 0, ... }. */
export function emptyTally(m: { kind: MotionKind; options: string[] | null }): Record<string, number> {
  const keys = m.kind === 'rules' ? [...RULES_CHOICES] : (m.options ?? []).map((_, i) => String(i))
  return Object.fromEntries(keys.map((k) => [k, 0]))
}

// ---------- receipts ----------

/** Receipt codes: 16 characters of an alphabet without look-alikes (0/O, 1/I/L), in groups of four. */
export const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const RECEIPT_PATTERN = /^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/

/** What a person typed → the receipt as it was issued (upper case, dashes in place), or null. */
export function normalizeReceipt(s: string): string | null {
  const raw = s.toUpperCase().replace(/[\s-]/g, '')
  if (raw.length !== 16) return null
  const r = raw.match(/.{4}/g)!.join('-')
  return RECEIPT_PATTERN.test(r) ? r : null
}

// ---------- inputs ----------

const articleSchema = z.strictObject({ text: multilineText(1, 2000, '条文') })
const articlesSchema = z.array(articleSchema, { error: '请填写条文' }).min(1, { message: '至少一条条文' }).max(50, { message: '最多 50 条' })
const optionsSchema = z
  .array(text(1, 60, '选项'), { error: '选项格式不正确' })
  .min(2, { message: '公共事务至少 2 个选项' })
  .max(6, { message: '最多 6 个选项' })

const motionFields = {
  title: text(1, 60, '标题'),
  preamble: multilineText(0, 2000, '说明').optional(),
  articles: articlesSchema,
  kind: z.enum(MOTION_KINDS, { error: '表决类型不正确' }),
  options: optionsSchema.optional(),
  eligibility: z.enum(ELIGIBILITIES, { error: '投票资格不正确' }),
  consultUntil: isoTime.optional(),
  voteFrom: isoTime,
  voteUntil: isoTime,
  /** 重大事项: voting waits for a 社会稳定风险评估 (risk.ts) */
  major: z.boolean({ error: '重大事项标记不正确' }).optional(),
}

export interface MotionShape {
  kind: MotionKind
  options?: string[] | null
  consultUntil?: string | null
  voteFrom: string
  voteUntil: string
}

/** The checks across fields, shared by create and by update (on the merged motion). */
export function motionShapeIssues(m: MotionShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = []
  if (m.kind === 'matter' && !m.options) issues.push({ path: 'options', message: '公共事务需要 2—6 个选项' })
  if (m.kind === 'rules' && m.options) issues.push({ path: 'options', message: '村规民约的选项固定为赞成、反对、弃权' })
  if (Date.parse(m.voteUntil) <= Date.parse(m.voteFrom)) issues.push({ path: 'voteUntil', message: '表决结束时间应晚于开始时间' })
  if (m.consultUntil && Date.parse(m.consultUntil) > Date.parse(m.voteFrom)) {
    issues.push({ path: 'consultUntil', message: '征求意见应在表决开始前结束' })
  }
  return issues
}

export const motionCreateSchema = z.strictObject(motionFields).superRefine((m, ctx) => {
  for (const i of motionShapeIssues(m)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message })
})
export type MotionCreateInput = z.input<typeof motionCreateSchema>

/** Every field but the id is optional; the merged motion is checked with motionShapeIssues. */
export const motionUpdateSchema = z.strictObject({
  id: idSchema,
  title: motionFields.title.optional(),
  preamble: motionFields.preamble,
  articles: articlesSchema.optional(),
  kind: motionFields.kind.optional(),
  options: optionsSchema.nullable().optional(),
  eligibility: motionFields.eligibility.optional(),
  consultUntil: isoTime.nullable().optional(),
  voteFrom: isoTime.optional(),
  voteUntil: isoTime.optional(),
  major: motionFields.major,
})
export type MotionUpdateInput = z.input<typeof motionUpdateSchema>

export const motionIdSchema = z.strictObject({ id: idSchema })
export type MotionIdInput = z.input<typeof motionIdSchema>

/**
 * motion.advance: `from` is the phase the committee saw (optional, for older clients). Given, a retry of a step
 * already taken answers the motion as it is instead of taking another step.
 */
export const motionAdvanceSchema = z.strictObject({
  id: idSchema,
  from: z.enum(MOTION_STATUSES, { error: '议题状态不正确' }).optional(),
})
export type MotionAdvanceInput = z.input<typeof motionAdvanceSchema>

export const motionCommentSchema = z.strictObject({
  id: idSchema,
  articleIndex: z.number({ error: '条文序号不正确' }).int().min(0).max(49).optional(),
  text: multilineText(1, 500, '意见'),
})
export type MotionCommentInput = z.input<typeof motionCommentSchema>

export const motionReplySchema = z.strictObject({ commentId: idSchema, text: multilineText(1, 500, '回复') })
export type MotionReplyInput = z.input<typeof motionReplySchema>

const choiceSchema = z.union([z.enum(RULES_CHOICES), z.number().int().min(0).max(5)], { error: '请选择表决意见' })

/**
 * A receipt the voter's device made (RECEIPT_PATTERN exactly, as the client formats it), so that a lost reply
 * does not lose the receipt: the device keeps it before sending. Absent: the server makes one.
 */
const castReceiptSchema = z
  .string({ error: '回执码格式不正确' })
  .regex(RECEIPT_PATTERN, { message: '回执码格式不正确，应为 16 位字母数字，如 ABCD-EFGH-JKMN-PQRS' })

export const motionCastSchema = z.strictObject({ id: idSchema, choice: choiceSchema, receipt: castReceiptSchema.optional() })
export type MotionCastInput = z.input<typeof motionCastSchema>

/** `receipt`: made by the committee's phone before sending (as motion.cast's), so a lost reply at a meeting loses nothing. */
export const motionRecordOfflineSchema = z.strictObject({
  id: idSchema,
  residentId: idSchema,
  choice: choiceSchema,
  receipt: castReceiptSchema.optional(),
})
export type MotionRecordOfflineInput = z.input<typeof motionRecordOfflineSchema>

export const motionListSchema = z.strictObject({ status: z.enum(MOTION_STATUSES, { error: '状态不正确' }).optional(), ...pageSchema })
export type MotionListInput = z.input<typeof motionListSchema>

export const motionVerifyReceiptSchema = z.strictObject({
  id: idSchema,
  receipt: z
    .string({ error: '请填写回执码' })
    .max(40, { message: '回执码格式不正确', abort: true })
    .refine((s) => !hasControl(s), { message: '回执码格式不正确' }),
})
export type MotionVerifyReceiptInput = z.input<typeof motionVerifyReceiptSchema>

export const rulesHistorySchema = z.strictObject({ ...pageSchema })
export type RulesHistoryInput = z.input<typeof rulesHistorySchema>

export const rulesMarkFiledSchema = z.strictObject({ version: z.number().int().min(1).max(100000), filedAt: isoTime })
export type RulesMarkFiledInput = z.input<typeof rulesMarkFiledSchema>

// ---------- views ----------

export interface MotionArticle {
  text: string
}

/**
 * One kept revision: the whole text as it stood. The article-level diff (added, removed, changed articles)
 * is computed by the client from two consecutive revisions; the server keeps snapshots only.
 */
export interface MotionRevisionView {
  rev: number
  title: string
  preamble: string | null
  articles: MotionArticle[]
  byId: string
  byName: string
  at: string
}

export interface MotionCommentView {
  id: string
  articleIndex: number | null
  text: string
  authorName: string
  mine: boolean
  createdAt: string
  reply: { text: string; byName: string; at: string } | null
}

export interface MotionOutcomeView {
  base: TallyBase
  cast: CastCounts
  tally: Record<string, number>
  quorumMet: boolean
  passed: boolean
  /** matter: the option carried (index), null when none; rules: null */
  winner: number | null
}

export interface MotionResultView extends MotionOutcomeView {
  /** every ballot as (receipt hash, choice), sorted by receiptHash ascending */
  ballots: { receiptHash: string; choice: Choice }[]
}

export interface MotionSummary {
  id: string
  title: string
  kind: MotionKind
  eligibility: Eligibility
  status: MotionStatus
  consultUntil: string | null
  voteFrom: string
  voteUntil: string
  openedAt: string | null
  closedAt: string | null
  turnout: { eligible: number; cast: number }
  me: { eligible: boolean; voted: boolean }
  /** only when closed */
  passed?: boolean
  /** 重大事项 (voting waits for its 稳评) */
  major: boolean
  createdAt: string
}

export interface MotionView extends MotionSummary {
  preamble: string | null
  articles: MotionArticle[]
  options: string[] | null
  revisions: MotionRevisionView[]
  comments: MotionCommentView[]
  /** the figures, only when closed (tallies are absent from every reply before) */
  result: MotionOutcomeView | null
  /** the 社会稳定风险评估: its level for everyone, the whole of it for staff */
  risk: MotionRiskView
  /** what the caller may do now */
  can: {
    revise: boolean
    advance: boolean
    comment: boolean
    cast: boolean
    recordOffline: boolean
    reply: boolean
    assessRisk: boolean
    signOffRisk: boolean
  }
}

export type MotionListPage = Page<MotionSummary>

export interface RulesView {
  version: number
  adoptedAt: string
  motionId: string
  title: string
  articles: MotionArticle[]
  filedAt?: string
}

export type RulesHistoryPage = Page<RulesView>

export * from './risk'
