import { formatDateTime } from '@/components/time'
import type { TagTone } from '@/components/Tag'
import { REPORT_CATEGORY_LABELS, REPORT_LEVEL_LABELS, type ReportCategory, type ReportStatus, type ReportSummary, type TimelineEntry } from '@/domain/reports'
import { settleBy } from '@/domain/reports/settle'
import { ACTION_LABELS, STATUS_LABELS } from '@/domain/reports/flow'

/** Labels and times of reports, shared by the resident side and the staff side. */

export const STATUS_TONES: Record<ReportStatus, TagTone> = {
  submitted: 'amber',
  returned: 'purple',
  accepted: 'blue',
  resolved: 'green',
  closed: 'grey',
  rejected: 'grey',
  withdrawn: 'grey',
}

export const CATEGORY_TONES: Record<ReportCategory, TagTone> = {
  dispute: 'purple',
  public_security: 'red',
  safety_hazard: 'red',
  environment: 'green',
  facility: 'amber',
  livelihood: 'blue',
  other: 'grey',
}

export function statusLabel(status: ReportStatus): string {
  return STATUS_LABELS[status] ?? status
}

export function categoryLabel(category: ReportCategory): string {
  return REPORT_CATEGORY_LABELS[category] ?? '其他'
}

const TIMELINE_LABELS: Record<Exclude<TimelineEntry['action'], keyof typeof ACTION_LABELS>, string> = {
  create: '提交上报',
  edit: '修改了内容',
  rate: '评价',
  mediate: '调解记录',
  autoClose: '超过 7 天未评价，自动结案',
}

/** What one timeline step was, in words: 受理 / 办结 / 提交上报 ... */
export function timelineLabel(entry: Pick<TimelineEntry, 'action' | 'level'>): string {
  if (entry.action === 'escalate') return `上报到${REPORT_LEVEL_LABELS[entry.level] ?? ''}`
  if (entry.action in ACTION_LABELS) return ACTION_LABELS[entry.action as keyof typeof ACTION_LABELS]
  return TIMELINE_LABELS[entry.action as keyof typeof TIMELINE_LABELS] ?? entry.action
}

/** The deadline that runs now, in words: 受理期限 / 办结期限, with 已逾期 when past. Null when none runs. */
export function deadlineText(r: Pick<ReportSummary, 'status' | 'dueAt' | 'overdue'>, now: Date = new Date()): {
  label: string
  when: string
  overdue: boolean
} | null {
  if (!r.dueAt) return null
  const label = r.status === 'submitted' ? '受理期限' : '办结期限'
  return { label, when: formatDateTime(r.dueAt, now), overdue: r.overdue }
}

/** A short age: "3 天前" etc. is in components/time; this is the exact time for a timeline step. */
export function stepTime(iso: string, now: Date = new Date()): string {
  return formatDateTime(iso, now)
}

/** Until when a resolved report may be reopened (7 days after 办结), or null when the window is over. */
export function reopenUntil(resolvedAt: string | null, now: Date = new Date()): string | null {
  if (!resolvedAt) return null
  const until = settleBy(resolvedAt)
  if (Number.isNaN(until.getTime()) || until.getTime() < now.getTime()) return null
  return formatDateTime(until.toISOString(), now)
}
