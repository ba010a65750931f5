import { CHINA_OFFSET_MS, chinaMonth } from '../shared/chinaTime'
import { looksLikeFormula } from '../shared/text'

/** The instants [from, to) of a month 'YYYY-MM' in China time: 00:00 on the 1st to 00:00 on the next month's 1st. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const start = Date.UTC(y, m - 1, 1) - CHINA_OFFSET_MS
  const end = Date.UTC(y, m, 1) - CHINA_OFFSET_MS
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() }
}

/** Whether the month is after the current one in China (its 台账 would be empty and misleading). */
export function isFutureMonth(month: string, now: Date): boolean {
  return month > chinaMonth(now)
}

/** 2025-03 → 2025年3月 */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/**
 * 锦江社区-2025年3月台账.xlsx; a list: 锦江社区-问题清单-2025-03-08.xlsx (the day it was exported); the audit log:
 * 锦江社区-操作日志-2025-03-08.xlsx.
 */
export function ledgerFileName(areaName: string, what: { month: string } | { day: string; list?: string }): string {
  // eslint-disable-next-line no-control-regex
  const safe = areaName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || '辖区'
  return 'month' in what ? `${safe}-${monthLabel(what.month)}台账.xlsx` : `${safe}-${what.list ?? '问题清单'}-${what.day}.xlsx`
}

/**
 * A text cell as a spreadsheet will not run it (formula injection, OWASP): a cell that starts like a formula
 * (= + - @, a tab or CR) gets a leading apostrophe; written as a plain string besides.
 */
export function cellText(s: string | null | undefined): string {
  if (s === null || s === undefined) return ''
  return looksLikeFormula(s) ? `'${s}` : s
}

export type Timeliness = 'onTime' | 'late' | 'overdue' | 'pending' | 'none'
export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  onTime: '按时办结',
  late: '超期办结',
  overdue: '已逾期',
  pending: '未到期',
  none: '—',
}

/**
 * Whether a report was handled on time: resolved (or closed after being resolved) by its 办结 deadline or after it;
 * open and past its running deadline (受理 while submitted, 办结 while accepted); open within it; or not handled
 * (rejected, withdrawn).
 */
export function timelinessOf(
  r: { status: string; acceptBy: string; resolveBy: string; resolvedAt: string | null },
  now: Date,
): Timeliness {
  if (r.resolvedAt) return r.resolvedAt <= r.resolveBy ? 'onTime' : 'late'
  if (r.status === 'rejected' || r.status === 'withdrawn' || r.status === 'closed') return 'none'
  const due = r.status === 'submitted' ? r.acceptBy : r.status === 'accepted' ? r.resolveBy : null
  if (due === null) return 'pending'
  return Date.parse(due) < now.getTime() ? 'overdue' : 'pending'
}
