import dayjs from 'dayjs'
import type { TagTone } from '@/components/Tag'
import { SIGNUP_STATUS_LABELS, type ShiftView } from '@/domain/patrols'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 今天 / 明天 / 周三 11月28日 (the year too when it is not this year), in the device's time zone. */
export function dayLabel(iso: string, now: Date = new Date()): string {
  const d = dayjs(iso)
  const days = d.startOf('day').diff(dayjs(now).startOf('day'), 'day')
  if (days === 0) return '今天'
  if (days === 1) return '明天'
  const date = d.year() === now.getFullYear() ? d.format('M月D日') : d.format('YYYY年M月D日')
  return `${WEEKDAYS[d.day()]} ${date}`
}

/** 09:00–11:00; an end on a later day reads 次日. */
export function timeRange(startAt: string, endAt: string): string {
  const s = dayjs(startAt)
  const e = dayjs(endAt)
  const later = e.startOf('day').isAfter(s.startOf('day'))
  return `${s.format('HH:mm')}–${later ? '次日 ' : ''}${e.format('HH:mm')}`
}

/** 11月28日 周三 09:00–11:00 */
export function whenText(s: Pick<ShiftView, 'startAt' | 'endAt'>, now: Date = new Date()): string {
  const day = dayLabel(s.startAt, now)
  const date = dayjs(s.startAt).format('M月D日')
  return `${day === '今天' || day === '明天' ? `${day}（${date}）` : day} ${timeRange(s.startAt, s.endAt)}`
}

/** 11月28日 07:00 */
export function clockText(iso: string): string {
  return dayjs(iso).format('M月D日 HH:mm')
}

/** 11月28日 06:45 至 09:00 (the end's date only when it is another day) */
export function windowText(fromIso: string, toIso: string): string {
  const sameDay = dayjs(fromIso).format('YYYY-MM-DD') === dayjs(toIso).format('YYYY-MM-DD')
  return `${clockText(fromIso)} 至 ${sameDay ? dayjs(toIso).format('HH:mm') : clockText(toIso)}`
}

export interface DayGroup<T> {
  label: string
  items: T[]
}

/** Shifts (already soonest first) grouped by the day they start. */
export function groupByDay<T extends { startAt: string }>(items: readonly T[], now: Date = new Date()): DayGroup<T>[] {
  const groups: DayGroup<T>[] = []
  for (const it of items) {
    const label = dayLabel(it.startAt, now)
    const last = groups[groups.length - 1]
    if (last && last.label === label) last.items.push(it)
    else groups.push({ label, items: [it] })
  }
  return groups
}

/** 余 3 个名额 / 已满 · 候补 2 人 / 已满 / 已取消 */
export function seatsText(s: Pick<ShiftView, 'status' | 'seatsLeft' | 'capacity' | 'waitlistLength'>): string {
  if (s.status === 'cancelled') return '已取消'
  if (s.seatsLeft > 0) return `余 ${s.seatsLeft} 个名额（共 ${s.capacity} 人）`
  return s.waitlistLength > 0 ? `已满 · 候补 ${s.waitlistLength} 人` : '已满'
}

/** My place on the shift in words, with a tone; null when I am not on it. */
export function myStatusTag(s: Pick<ShiftView, 'myStatus' | 'my'>): { text: string; tone: TagTone } | null {
  const m = s.myStatus
  if (!m) return null
  switch (m.status) {
    case 'waitlisted':
      return { text: `候补第 ${m.position ?? '?'} 位`, tone: 'amber' }
    case 'confirmed':
      return { text: '已报名', tone: 'blue' }
    case 'checkedIn':
      return { text: '已签到', tone: 'green' }
    case 'checkedOut':
      return { text: s.my?.hours != null ? `已签退 · ${hoursText(s.my.hours)}` : '已签退', tone: 'green' }
    case 'noShow':
      return { text: '未到岗', tone: 'red' }
  }
  return { text: SIGNUP_STATUS_LABELS[m.status], tone: 'grey' }
}

/** 1.5 小时 (one decimal, as the server rounds). */
export function hoursText(h: number): string {
  return `${h.toFixed(1)} 小时`
}

/** What the 我的志愿 and board figures show: one decimal. */
export function hoursFigure(h: number): string {
  return h.toFixed(1)
}

/** 2025-11 → 2025年11月 */
export function monthText(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + delta, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
