/**
 * China time (UTC+8 all year: no daylight saving since 1991) — the one place that knows the offset. Days,
 * months and clock readings that people see or that rules count by (deadlines, reminders, monthly hours).
 */

export const CHINA_OFFSET_MS = 8 * 3600_000

const shifted = (instant: Date | string): Date => new Date((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + CHINA_OFFSET_MS)
const pad = (n: number) => String(n).padStart(2, '0')

/** The calendar day 'YYYY-MM-DD' in China of an instant. */
export function chinaDay(instant: Date | string): string {
  return shifted(instant).toISOString().slice(0, 10)
}

/** The month 'YYYY-MM' in China of an instant. */
export function chinaMonth(instant: Date | string): string {
  return shifted(instant).toISOString().slice(0, 7)
}

/** The hour of the day (0–23) in China. */
export function chinaHour(instant: Date | string): number {
  return shifted(instant).getUTCHours()
}

/** 11月26日 09:45 — how a time reads to people in China. */
export function chinaClock(instant: Date | string): string {
  const c = shifted(instant)
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`
}

/** 2025-03-08 08:00 — the form WeChat's subscribe-message time fields take. */
export function chinaStamp(instant: Date | string): string {
  const iso = shifted(instant).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/** The instant at which a China calendar day ('YYYY-MM-DD') reaches `hour`:00. */
export function chinaInstant(day: string, hour = 0): Date {
  return new Date(Date.parse(`${day}T${pad(hour)}:00:00Z`) - CHINA_OFFSET_MS)
}
