/**
 * A resolved report the reporter has not rated closes itself after this many days; 重新打开 only within
 * them. Kept apart from reportDeadlines.ts so that screens showing it do not load the holiday calendar.
 */
export const SETTLE_DAYS = 7

const DAY_MS = 24 * 3600_000

/** Until when a resolved report may be reopened, and after which it closes itself unrated. */
export function settleBy(resolvedAt: string): Date {
  return new Date(Date.parse(resolvedAt) + SETTLE_DAYS * DAY_MS)
}
