/**
 * 入户走访 time rules (issue 17): the visit period a committee sets, and when a household marked for follow-up is
 * due again. Pure functions of ISO times; periods are counted in China time (UTC+8), calendar months.
 */

export const PLAN_MONTHS = { min: 1, max: 12, default: 3 } as const
export const FOLLOW_UP_DAYS = { min: 1, max: 365, default: 30 } as const
/** A phone's clock may run ahead of the server's a little: visitedAt up to this far "in the future" is taken. */
export const FUTURE_SKEW_MS = 5 * 60_000

const CHINA_OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000

/**
 * The period `now` falls in: periods of `months` calendar months (China time) counted from January of year 0, so
 * `3` gives the quarters (1 Jan, 1 Apr, 1 Jul, 1 Oct) and `12` the calendar years. `from` is included, `to` not.
 */
export function periodOf(now: string, months: number): { from: string; to: string } {
  const local = new Date(Date.parse(now) + CHINA_OFFSET_MS)
  const index = local.getUTCFullYear() * 12 + local.getUTCMonth()
  const start = index - (index % months)
  const at = (m: number) => new Date(Date.UTC(Math.floor(m / 12), m % 12, 1) - CHINA_OFFSET_MS).toISOString()
  return { from: at(start), to: at(start + months) }
}

/** When a marked household is next due: its last visit (or, never visited since, the mark) plus its frequency. */
export function followUpDueAt(f: { everyDays: number; markedAt: string; lastVisitedAt: string | null }): string {
  const base = f.lastVisitedAt && f.lastVisitedAt > f.markedAt ? f.lastVisitedAt : f.markedAt
  return new Date(Date.parse(base) + f.everyDays * DAY_MS).toISOString()
}

export function isFollowUpOverdue(f: { everyDays: number; markedAt: string; lastVisitedAt: string | null }, now: string): boolean {
  return followUpDueAt(f) <= now
}

/** Whether a visit time is acceptable now: not in the future (beyond a small clock skew). */
export function isFutureVisit(visitedAt: string, now: string): boolean {
  return Date.parse(visitedAt) > Date.parse(now) + FUTURE_SKEW_MS
}
