import { CHINA_OFFSET_MS, chinaClock, chinaDay, chinaInstant, chinaMonth } from '../shared/chinaTime'
import { checkinOpensAt, checkinWindow, areaCheck, servedHours, CHECKIN_OPENS_BEFORE_MS, MAX_ACCURACY_METRES, type SiteArea, type WindowVerdict } from '../shared/onSite'

/**
 * 群防群治 patrols (issue 6): the pure time and place rules, shared by the server and the client (the
 * client shows the same verdict before it calls).
 */

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Withdrawing is allowed until this long before the start. */
export const WITHDRAW_CUTOFF_MS = 2 * HOUR
/** A shift lasts at most this long. */
export const MAX_SHIFT_MS = 12 * HOUR
/** Shifts repeat weekly: the step between occurrences. */
export const WEEK_MS = 7 * 24 * HOUR

export interface ShiftTimes {
  startAt: string
  endAt: string
}

function ms(iso: string): number {
  return Date.parse(iso)
}

/** Withdrawing is allowed until the cut-off (startAt − 2 h), the cut-off itself included. */
export function withdrawCutoffAt(s: Pick<ShiftTimes, 'startAt'>): string {
  return new Date(ms(s.startAt) - WITHDRAW_CUTOFF_MS).toISOString()
}

export function beforeCutoff(s: Pick<ShiftTimes, 'startAt'>, now: string): boolean {
  return ms(now) <= ms(withdrawCutoffAt(s))
}

/** Two shifts overlap when each starts before the other ends; touching ends (a.end = b.start) do not. */
export function overlaps(a: ShiftTimes, b: ShiftTimes): boolean {
  return ms(a.startAt) < ms(b.endAt) && ms(b.startAt) < ms(a.endAt)
}

/** A forgotten check-out closes at the scheduled end. */
export function autoCheckoutAt(s: ShiftTimes): string {
  return s.endAt
}

/** The attendance must be closed by the time rule: checked in, not out, and the end has come. */
export function needsAutoCheckout(s: ShiftTimes, a: { checkinAt: string | null; checkoutAt: string | null }, now: string): boolean {
  return a.checkinAt !== null && a.checkoutAt === null && ms(now) >= ms(s.endAt)
}

/** Confirmed, never checked in, and the end has come. */
export function isNoShow(s: ShiftTimes, a: { status: string; checkinAt: string | null }, now: string): boolean {
  return a.status === 'confirmed' && a.checkinAt === null && ms(now) >= ms(s.endAt)
}

/** The weekly occurrences of a shift: `weeks` of them (1 = one-off), each 7 days after the last. */
export function weeklyOccurrences(s: ShiftTimes, weeks: number): ShiftTimes[] {
  return Array.from({ length: weeks }, (_, i) => ({
    startAt: new Date(ms(s.startAt) + i * WEEK_MS).toISOString(),
    endAt: new Date(ms(s.endAt) + i * WEEK_MS).toISOString(),
  }))
}

export { chinaClock, chinaMonth }
/** The on-site rules patrols share with call-outs (src/domain/shared/onSite). */
export { areaCheck, checkinOpensAt, checkinWindow, servedHours, CHECKIN_OPENS_BEFORE_MS, MAX_ACCURACY_METRES }
export type { WindowVerdict }
export type PatrolArea = SiteArea

/** The instants that bound a month 'YYYY-MM' of China time. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const from = Date.UTC(y, m - 1, 1) - CHINA_OFFSET_MS
  const to = Date.UTC(y, m, 1) - CHINA_OFFSET_MS
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() }
}

/** The reminders: 20:00 Beijing time the evening before the start's day, and one hour before the start. */
export function eveningBeforeAt(s: Pick<ShiftTimes, 'startAt'>): string {
  return new Date(chinaInstant(chinaDay(s.startAt), 20).getTime() - 24 * HOUR).toISOString()
}

export function hourBeforeAt(s: Pick<ShiftTimes, 'startAt'>): string {
  return new Date(ms(s.startAt) - HOUR).toISOString()
}

/**
 * The evening reminder (明天有巡逻) goes out until 00:00 Beijing of the start day, or the hour-before time if
 * that is earlier; after that only the hour-before one applies (it would say 明天 on the day itself).
 */
export function eveningReminderUntil(s: Pick<ShiftTimes, 'startAt'>): string {
  const midnight = chinaInstant(chinaDay(s.startAt)).toISOString()
  const hour = hourBeforeAt(s)
  return midnight < hour ? midnight : hour
}

/** The Chinese reason a check-in is refused for its time. */
export function windowMessage(verdict: Exclude<WindowVerdict, 'open'>, s: ShiftTimes): string {
  return verdict === 'early'
    ? `太早了，签到将于 ${chinaClock(checkinOpensAt(s))} 开放（开始前 15 分钟）`
    : '巡逻已结束，不能再签到'
}

export function areaMessage(distance: number, radius: number): string {
  return `不在巡逻区域，距离约 ${distance} 米（范围 ${radius} 米内可签到）`
}
