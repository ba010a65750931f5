import { isHoliday, isWorkday as isChineseWorkday } from 'chinese-days'
import { chinaDay } from './chinaTime'

/**
 * Working days in China: weekends, the State Council's 法定节假日 and their 调休 make-up days, from the
 * maintained `chinese-days` calendar (groundwork for report deadlines, issue 4). Days are 'YYYY-MM-DD'
 * in China time (UTC+8 all year: no daylight saving since 1991).
 */

const DAY_MS = 24 * 3600_000
const DAY = /^\d{4}-\d{2}-\d{2}$/

export { chinaDay }

function assertDay(day: string): void {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new RangeError(`not a day: ${day}`)
}

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/**
 * Whether the calendar knows that year's holidays. New Year's Day is a holiday every year, so a year
 * whose 1 January is not listed has not been published yet (the State Council announces the next year's
 * schedule in November or December); such years fall back to Monday–Friday.
 */
export function calendarKnows(day: string): boolean {
  assertDay(day)
  return isHoliday(`${day.slice(0, 4)}-01-01`)
}

export function isWorkday(day: string): boolean {
  assertDay(day)
  if (calendarKnows(day)) return isChineseWorkday(day)
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** The first working day strictly after `day`. */
export function nextWorkday(day: string): string {
  let d = shift(day, 1)
  while (!isWorkday(d)) d = shift(d, 1)
  return d
}

/**
 * The working day `n` working days after `day` (n ≥ 1), e.g. 办结 within 2 working days of a report
 * accepted on `day`. n = 0 gives `day` itself when it is a working day, else the next one.
 */
export function addWorkdays(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count of working days: ${n}`)
  assertDay(day)
  let d = n === 0 && isWorkday(day) ? day : nextWorkday(day)
  for (let i = 1; i < n; i++) d = nextWorkday(d)
  return d
}
