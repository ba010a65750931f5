import { z } from 'zod'
import { idSchema, multilineText, pageSchema, text, type Page } from '../shared/text'
import { EARN_KINDS, RULE_BOUNDS, type EntryKind, type PointsRules } from './rules'

export * from './rules'

/** 积分制 (issue 18): per-community rules, an append-only ledger, a monthly board and the 积分超市. Rules: ./rules. */

// ---------- inputs ----------

const rulePoints = (label: string) =>
  z
    .number({ error: `${label}的积分必须是数字` })
    .int({ message: `${label}的积分应为整数` })
    .min(RULE_BOUNDS.min, { message: `${label}的积分不能小于 ${RULE_BOUNDS.min}` })
    .max(RULE_BOUNDS.max, { message: `${label}的积分不能超过 ${RULE_BOUNDS.max}` })

export const pointsRulesSchema = z.strictObject({})

export const pointsSetRulesSchema = z.strictObject({
  report_accepted: rulePoints('问题被受理'),
  patrol_hours: rulePoints('巡逻每小时'),
  callout_attended: rulePoints('动员报到'),
  comment_answered: rulePoints('意见被答复'),
})
export type PointsSetRulesInput = z.input<typeof pointsSetRulesSchema>

export const pointsLedgerSchema = z.strictObject({
  /** the committee reads a named person of its community; else the caller's own */
  userId: idSchema.optional(),
  ...pageSchema,
})
export type PointsLedgerInput = z.input<typeof pointsLedgerSchema>

export const pointsBoardSchema = z.strictObject({})

export const pointsReverseSchema = z.strictObject({
  entryId: idSchema,
  reason: text(2, 200, '冲正原因'),
})
export type PointsReverseInput = z.input<typeof pointsReverseSchema>

export const REWARD_COST = { min: 1, max: 100_000 } as const
export const REWARD_STOCK = { min: 0, max: 10_000 } as const

export const rewardCreateSchema = z.strictObject({
  name: text(1, 40, '奖品名称'),
  cost: z
    .number({ error: '所需积分必须是数字' })
    .int({ message: '所需积分应为整数' })
    .min(REWARD_COST.min, { message: `所需积分至少 ${REWARD_COST.min}` })
    .max(REWARD_COST.max, { message: `所需积分最多 ${REWARD_COST.max}` }),
  stock: z
    .number({ error: '库存必须是数字' })
    .int({ message: '库存应为整数' })
    .min(REWARD_STOCK.min, { message: '库存不能为负数' })
    .max(REWARD_STOCK.max, { message: `库存最多 ${REWARD_STOCK.max}` }),
  description: multilineText(0, 300, '奖品说明').optional(),
})
export type RewardCreateInput = z.input<typeof rewardCreateSchema>

export const rewardListSchema = z.strictObject({})

export const pointsRedeemSchema = z.strictObject({ rewardId: idSchema })
export type PointsRedeemInput = z.input<typeof pointsRedeemSchema>

export const redemptionListSchema = z.strictObject({
  /** pending: not yet handed out (the committee's list to hand out); all: every one, newest first */
  status: z.enum(['pending', 'all'], { message: '请选择兑换状态' }).optional(),
  ...pageSchema,
})
export type RedemptionListInput = z.input<typeof redemptionListSchema>

export const redemptionHandOverSchema = z.strictObject({ redemptionId: idSchema })

// ---------- views ----------

export interface PointsRulesView {
  communityId: string
  rules: PointsRules
  bounds: { min: number; max: number }
  /** the kinds that earn points, in order (no kind for voting) */
  kinds: readonly (typeof EARN_KINDS)[number][]
  /** 投票不计积分 */
  noVotePoints: string
}

export interface PointsEntryView {
  id: string
  points: number
  reason: string
  sourceKind: EntryKind
  sourceId: string
  /** who granted it: a name for a person, '系统' for a source event */
  grantedBy: string
  at: string
  /** the reversing entry's id, when this one was reversed */
  reversedBy: string | null
}

export interface PointsLedgerPage extends Page<PointsEntryView> {
  userId: string
  /** the person's name (masked unless it is the caller's own or the committee reads it) */
  name: string
  balance: number
}

export interface BoardRow {
  rank: number
  /** masked (张*丰); the caller's own row says 我 */
  name: string
  points: number
  me: boolean
}

export interface PointsBoard {
  month: string
  rows: BoardRow[]
}

export interface RewardView {
  id: string
  name: string
  description: string
  cost: number
  stock: number
  createdAt: string
}

export interface RedemptionView {
  id: string
  rewardId: string
  rewardName: string
  cost: number
  /** the person who redeemed (the committee opens their ledger from here) */
  userId: string
  /** full to the committee (it hands the reward to the person), masked otherwise */
  personName: string
  at: string
  handedAt: string | null
}
