import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'

dayjs.extend(relativeTime)
dayjs.locale('zh-cn')

const WEEK_MS = 7 * 24 * 3600 * 1000

/** "3 分钟前" within a week, else the date; a future time reads as when it will be. */
export function fromNow(iso: string, now: Date = new Date()): string {
  const t = dayjs(iso)
  if (!t.isValid()) return ''
  const diff = now.getTime() - t.valueOf()
  if (diff < 0) return formatDateTime(iso, now)
  if (diff < 60_000) return '刚刚'
  if (diff < WEEK_MS) return t.from(dayjs(now))
  return formatDate(iso, now)
}

export function formatDate(iso: string, now: Date = new Date()): string {
  const t = dayjs(iso)
  return t.year() === now.getFullYear() ? t.format('M月D日') : t.format('YYYY年M月D日')
}

export function formatDateTime(iso: string, now: Date = new Date()): string {
  const t = dayjs(iso)
  return `${formatDate(iso, now)} ${t.format('HH:mm')}`
}
