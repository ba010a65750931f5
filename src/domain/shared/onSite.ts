import { distanceMetres, type LatLng } from './geo'

/**
 * Being on site: the time window and the place rule of an on-site check-in (patrol shifts' 签到, call-outs' 报到),
 * pure, shared by the server and the client.
 */

const MINUTE = 60_000

/** Check-in opens this long before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 15 * MINUTE
/** The device's reported accuracy widens the area by at most this much. */
export const MAX_ACCURACY_METRES = 100

export interface TimeSpan {
  startAt: string
  endAt: string
}

/** Check-in is open in [startAt − 15 min, endAt], both ends included. */
export function checkinOpensAt(s: TimeSpan): string {
  return new Date(Date.parse(s.startAt) - CHECKIN_OPENS_BEFORE_MS).toISOString()
}

export type WindowVerdict = 'early' | 'open' | 'ended'

export function checkinWindow(s: TimeSpan, now: string): WindowVerdict {
  const t = Date.parse(now)
  if (t < Date.parse(checkinOpensAt(s))) return 'early'
  if (t > Date.parse(s.endAt)) return 'ended'
  return 'open'
}

export interface SiteArea extends LatLng {
  /** metres */
  radius: number
}

/**
 * Whether a reported position counts as inside the area: distance ≤ radius + min(accuracy, 100). The
 * distance is rounded to whole metres for the message (the decision uses the exact figure).
 */
export function areaCheck(area: SiteArea, at: LatLng, accuracy: number): { inside: boolean; distance: number } {
  const d = distanceMetres(area, at)
  const slack = Math.min(Math.max(accuracy, 0), MAX_ACCURACY_METRES)
  return { inside: d <= area.radius + slack, distance: Math.round(d) }
}

/**
 * Hours served: from max(checkedIn, startAt) to min(checkedOut, endAt), rounded to the nearest 0.1 h
 * (half up), never negative. Integer arithmetic on milliseconds (6 min = 0.1 h = 360 000 ms).
 */
export function servedHours(s: TimeSpan, checkinAt: string, checkoutAt: string): number {
  const from = Math.max(Date.parse(checkinAt), Date.parse(s.startAt))
  const to = Math.min(Date.parse(checkoutAt), Date.parse(s.endAt))
  const span = to - from
  if (span <= 0) return 0
  return Math.floor((span + 180_000) / 360_000) / 10
}
