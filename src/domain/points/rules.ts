/**
 * 积分制 rules (issue 18): what earns points and within which bounds a community may set them. There is no source
 * kind for voting, on purpose: points for how someone voted, or for merely voting, would turn a secret ballot into
 * a paid one. A test holds this list without any vote-related kind.
 */

/** The sources that earn points; each community sets the points per source within RULE_BOUNDS. */
export const EARN_KINDS = ['report_accepted', 'patrol_hours', 'callout_attended', 'comment_answered'] as const
export type EarnKind = (typeof EARN_KINDS)[number]

/** Every kind of ledger entry: the earning sources, a redemption (negative) and a reversal of a mistaken entry. */
export const ENTRY_KINDS = [...EARN_KINDS, 'redemption', 'reversal'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

export const EARN_KIND_LABELS: Record<EarnKind, string> = {
  report_accepted: '上报问题被受理',
  patrol_hours: '参加巡逻（每小时）',
  callout_attended: '响应社会动员并报到',
  comment_answered: '意见征集中的意见被答复',
}

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  ...EARN_KIND_LABELS,
  patrol_hours: '参加巡逻',
  redemption: '积分兑换',
  reversal: '冲正',
}

/** Points per source: whole numbers from 0 (the source earns nothing) to 50. */
export const RULE_BOUNDS = { min: 0, max: 50 } as const

export type PointsRules = Record<EarnKind, number>

/** What a community earns until its committee sets its own rules. */
export const DEFAULT_RULES: PointsRules = {
  report_accepted: 5,
  patrol_hours: 2,
  callout_attended: 5,
  comment_answered: 2,
}

/** The sentence the rules page shows (issue 18): votes never earn points. */
export const NO_VOTE_POINTS = '投票不计积分：无论投什么票、是否参加投票，都不会获得或扣减积分，以保证表决秘密、自愿，不被积分左右。'

/** The community's rules: its stored values over the defaults. */
export function rulesOf(stored: Partial<Record<string, number>>): PointsRules {
  const out = { ...DEFAULT_RULES }
  for (const k of EARN_KINDS) {
    const v = stored[k]
    if (typeof v === 'number' && Number.isInteger(v) && v >= RULE_BOUNDS.min && v <= RULE_BOUNDS.max) out[k] = v
  }
  return out
}

/**
 * The points a source earns under the rules: per event, or per hour for patrol hours (whole points, rounded half
 * up, so 2.5 h × 2 = 5). 0: nothing is granted.
 */
export function pointsFor(kind: EarnKind, rules: PointsRules, hours = 0): number {
  if (kind !== 'patrol_hours') return rules[kind]
  if (!(hours > 0)) return 0
  return Math.round(hours * rules.patrol_hours)
}

/** The China-time calendar month of a moment: [from, to) as ISO instants, and its label 2025-03. */
export function monthOf(at: Date): { month: string; from: string; to: string } {
  const china = new Date(at.getTime() + 8 * 3600_000)
  const y = china.getUTCFullYear()
  const m = china.getUTCMonth()
  const from = new Date(Date.UTC(y, m, 1) - 8 * 3600_000)
  const to = new Date(Date.UTC(y, m + 1, 1) - 8 * 3600_000)
  return { month: `${y}-${String(m + 1).padStart(2, '0')}`, from: from.toISOString(), to: to.toISOString() }
}
