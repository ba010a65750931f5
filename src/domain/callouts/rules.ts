import { chinaClock } from '../shared/chinaTime'
import { checkinOpensAt, servedHours, type TimeSpan, type WindowVerdict } from '../shared/onSite'

/**
 * 社会动员 call-outs (issue 18): the pure time rules. Check-in (报到) uses the same window and place rule as a
 * patrol shift's 签到 (src/domain/shared/onSite).
 */

const HOUR = 3600_000

/** A call-out lasts at most this long (an extension included). */
export const MAX_CALLOUT_MS = 24 * HOUR

export type CalloutStatus = 'open' | 'closed'
export type CalloutPhase = 'upcoming' | 'ongoing' | 'ended' | 'closed'

export const CALLOUT_PHASE_LABELS: Record<CalloutPhase, string> = {
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
  closed: '已提前结束',
}

export interface CalloutTimes extends TimeSpan {
  status: CalloutStatus
}

/**
 * The phase by the clock. A call-out closed early keeps `closed`; its endAt is then the closing time (or its
 * scheduled end when closed before it started), so hours never run past it.
 */
export function calloutPhase(c: CalloutTimes, now: string): CalloutPhase {
  if (c.status === 'closed') return 'closed'
  const t = Date.parse(now)
  if (t < Date.parse(c.startAt)) return 'upcoming'
  if (t < Date.parse(c.endAt)) return 'ongoing'
  return 'ended'
}

/** Answers (能来 / 来不了) are taken, and changed, while the call-out is open and has not ended. */
export function answersOpen(c: CalloutTimes, now: string): boolean {
  return c.status === 'open' && Date.parse(now) < Date.parse(c.endAt)
}

/** Whether the call-out is over for the hours: closed, or its end has come. */
export function isOver(c: CalloutTimes, now: string): boolean {
  return c.status === 'closed' || Date.parse(now) >= Date.parse(c.endAt)
}

/**
 * A call-out's hours: from 报到 (not before the start) to the call-out's end — its scheduled end, the extended
 * one, or the closing time when closed early; there is no check-out. Counted once the call-out is over.
 */
export function calloutHours(c: CalloutTimes, checkinAt: string | null, now: string): number | null {
  if (!checkinAt || !isOver(c, now)) return null
  return servedHours(c, checkinAt, c.endAt)
}

/** Where a close leaves the end: the closing time once started, the scheduled end before the start. */
export function endWhenClosed(c: TimeSpan, at: string): string {
  return at > c.startAt && at < c.endAt ? at : c.endAt
}

export function windowMessage(verdict: Exclude<WindowVerdict, 'open'>, c: TimeSpan): string {
  return verdict === 'early' ? `太早了，报到将于 ${chinaClock(checkinOpensAt(c))} 开放（开始前 15 分钟）` : '动员已结束，不能再报到'
}

export function areaMessage(distance: number, radius: number): string {
  return `不在报到地点，距离约 ${distance} 米（范围 ${radius} 米内可报到）`
}
