/** How visit times read on screen: 3月1日, and how long ago in days. */
const CHINA_OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000

export function dayText(iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** 从未走访 / 今天 / 12 天前 */
export function lastVisitText(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '从未走访'
  const days = Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS)
  return days <= 0 ? '今天走访过' : `${days} 天前走访`
}

/** 已逾期 3 天 / 6月1日到期 */
export function dueText(dueAt: string, now: Date = new Date()): string {
  const late = Math.floor((now.getTime() - Date.parse(dueAt)) / DAY_MS)
  return late >= 0 ? `已逾期 ${late} 天` : `${dayText(dueAt)}前探访`
}

/** A local 'YYYY-MM-DD HH:mm' (China time) as an ISO instant; '' → null. */
export function localToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local)
  if (!m) return null
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS).toISOString()
}
