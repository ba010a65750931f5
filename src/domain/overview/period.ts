import { chinaDay, chinaInstant } from '../shared/chinaTime'

/**
 * The overview's period (China-time calendar days, both ends included) and its buckets. The store groups by China
 * day; days roll up into weeks (Monday first) and months here, so empty buckets show as 0.
 */

export const OVERVIEW_BUCKETS = ['day', 'week', 'month'] as const
export type OverviewBucket = (typeof OVERVIEW_BUCKETS)[number]
export const BUCKET_LABELS: Record<OverviewBucket, string> = { day: '按日', week: '按周', month: '按月' }

export const MAX_PERIOD_DAYS = 366
const DAY_MS = 24 * 3600_000

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** Whether 'YYYY-MM-DD' is a real calendar day. */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const ms = dayMs(s)
  return !Number.isNaN(ms) && dayOf(ms) === s
}

/** Days from `from` to `to`, both included. */
export const daysIn = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY_MS) + 1

export const addDays = (day: string, n: number): string => dayOf(dayMs(day) + n * DAY_MS)

export interface Period {
  from: string
  to: string
  /** the first instant of `from` in China, ISO */
  start: string
  /** the first instant after `to` in China, ISO (exclusive) */
  end: string
}

/** The period asked for, or this China month (from its first day to today). */
export function periodOf(input: { from?: string; to?: string }, now: Date): Period {
  const today = chinaDay(now)
  const from = input.from ?? `${today.slice(0, 8)}01`
  const to = input.to ?? today
  return { from, to, start: chinaInstant(from).toISOString(), end: chinaInstant(addDays(to, 1)).toISOString() }
}

/** The bucket a China day falls in: the day, its week's Monday, or its month 'YYYY-MM'. */
export function bucketOf(day: string, bucket: OverviewBucket): string {
  if (bucket === 'day') return day
  if (bucket === 'month') return day.slice(0, 7)
  const weekday = (new Date(dayMs(day)).getUTCDay() + 6) % 7
  return addDays(day, -weekday)
}

/** The bucket when none is asked: days up to two months, weeks up to half a year, then months. */
export function defaultBucket(from: string, to: string): OverviewBucket {
  const n = daysIn(from, to)
  return n <= 62 ? 'day' : n <= 183 ? 'week' : 'month'
}

/** Every bucket of the period in order. */
export function bucketsOf(from: string, to: string, bucket: OverviewBucket): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const b = bucketOf(d, bucket)
    if (out[out.length - 1] !== b) out.push(b)
  }
  return out
}

/** The days a bucket covers inside the period (a week or month cut at the period's ends). */
export function bucketSpan(key: string, bucket: OverviewBucket, period: { from: string; to: string }): { from: string; to: string } {
  const start = bucket === 'month' ? `${key}-01` : key
  const next = bucket === 'day' ? addDays(key, 1) : bucket === 'week' ? addDays(key, 7) : bucketOf(addDays(`${key}-28`, 4), 'month') + '-01'
  const end = addDays(next, -1)
  return { from: start < period.from ? period.from : start, to: end > period.to ? period.to : end }
}

/** How a bucket reads: 12月7日, 12月7日起, 2026年12月. */
export function bucketLabel(key: string, bucket: OverviewBucket): string {
  const [y, m, d] = key.split('-').map(Number)
  if (bucket === 'month') return `${y}年${m}月`
  return bucket === 'week' ? `${m}月${d}日起` : `${m}月${d}日`
}

/** Presets of the period picker, for today's China day. */
export function presetPeriod(preset: 'thisMonth' | 'lastMonth' | 'last3Months', now: Date): { from: string; to: string } {
  const today = chinaDay(now)
  const first = `${today.slice(0, 8)}01`
  if (preset === 'thisMonth') return { from: first, to: today }
  const lastMonthEnd = addDays(first, -1)
  if (preset === 'lastMonth') return { from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd }
  const [y, m] = today.split('-').map(Number)
  const start = new Date(Date.UTC(y, m - 3, 1))
  return { from: dayOf(start.getTime()), to: today }
}
