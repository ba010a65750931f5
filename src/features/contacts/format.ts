import { CONTACT_KIND_LABELS, type ContactKind } from '@/domain/contacts'

const DAY = 86_400_000
const CHINA_OFFSET = 8 * 3600_000

/** 上次联系: how long ago, in words, and how (never: 还没有联系过). */
export function lastContactText(at: string | null, kind: ContactKind | null, now = Date.now()): string {
  if (!at) return '还没有联系过'
  const days = Math.floor((now - Date.parse(at)) / DAY)
  const when = days <= 0 ? '今天' : days === 1 ? '昨天' : `${days} 天前`
  return `上次联系：${when}${kind ? `（${CONTACT_KIND_LABELS[kind]}）` : ''}`
}

/** A household not contacted for this many days is shown as due (a month). */
export const DUE_DAYS = 30

export function isDue(at: string | null, now = Date.now()): boolean {
  return !at || now - Date.parse(at) > DUE_DAYS * DAY
}

/** Now as the DateTimeField shows it: Beijing time 'YYYY-MM-DD HH:mm'. */
export function chinaLocalNow(now = Date.now()): string {
  return new Date(now + CHINA_OFFSET).toISOString().slice(0, 16).replace('T', ' ')
}

/** A DateTimeField value (Beijing time) as an instant; '' when incomplete. */
export function chinaLocalToIso(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(local)
  return m ? new Date(`${m[1]}T${m[2]}:00+08:00`).toISOString() : ''
}
