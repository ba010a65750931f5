import { chinaClock } from '@/domain/shared/chinaTime'
import type { CalloutView } from '@/domain/callouts'

/** 11月26日 19:00 — 21:00 (the end's day too when it differs) */
export function whenText(c: Pick<CalloutView, 'startAt' | 'endAt'>): string {
  const start = chinaClock(c.startAt)
  const end = chinaClock(c.endAt)
  const sameDay = start.split(' ')[0] === end.split(' ')[0]
  return `${start} — ${sameDay ? end.split(' ')[1] : end}`
}

export function hoursText(h: number): string {
  return `${Number.isInteger(h) ? h : h.toFixed(1)} 小时`
}

/** 3/5 人 (已报到 2) */
export function headcountText(t: { signedUp: number; capacity: number; checkedIn: number }): string {
  return `已报名 ${t.signedUp}/${t.capacity} 人 · 已报到 ${t.checkedIn} 人`
}
