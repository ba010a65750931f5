import { TIERS, TIER_LABELS, tierOf, type Role } from '@/domain/shared/roles'

/** Times the staff side shows beside a deadline: how long overdue, or how long is left. */

const HOUR = 3600_000
const DAY = 24 * HOUR

function span(ms: number): string {
  const days = Math.floor(ms / DAY)
  const hours = Math.floor((ms % DAY) / HOUR)
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`
  if (hours > 0) return `${hours} 小时`
  return `${Math.max(1, Math.floor(ms / 60_000))} 分钟`
}

/** "已逾期 2 天 3 小时" / "还剩 5 小时"; null without a running deadline. */
export function dueText(dueAt: string | null, overdue: boolean, now: Date = new Date()): string | null {
  if (!dueAt) return null
  const t = Date.parse(dueAt)
  if (Number.isNaN(t)) return null
  const diff = t - now.getTime()
  if (overdue || diff < 0) return `已逾期 ${span(Math.max(0, -diff))}`
  return `还剩 ${span(diff)}`
}

/** "45%" or "—" when nothing was settled yet. */
export function shareText(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—'
  return `${Math.round(share * 100)}%`
}

/** What a tier's 问题总览 counts by (report.summary's byArea): a district its 街道, a city its 区; null below. */
export function areaUnitOf(roles: readonly Role[]): string | null {
  const tier = tierOf(roles)
  const below = tier ? TIERS[TIERS.indexOf(tier) - 1] : undefined
  return below ? TIER_LABELS[below] : null
}
