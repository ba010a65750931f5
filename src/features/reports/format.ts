import { formatDateTime } from '@/components/time'
import type { TagTone } from '@/components/Tag'
import {
  REPORT_CATEGORY_LABELS,
  REPORT_LEVEL_OFFICES,
  type ReportCategory,
  type ReportLevel,
  type ReportStatus,
  type ReportSummary,
  type ReportView,
  type ReportViewer,
  type TimelineEntry,
} from '@/domain/reports'
import { settleBy } from '@/domain/reports/settle'
import { ACTION_LABELS, STATUS_LABELS, TIMELINE_STEP_LABELS } from '@/domain/reports/flow'

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

/** The status in words; a closed report the reporter rated is 已评价 (with its stars when `stars` is given). */
export function statusLabel(status: ReportStatus, stars: number | null = null): string {
  if (status === 'closed' && stars) return '已评价'
  return STATUS_LABELS[status] ?? status
}

/** 已评价 4 星 / 处理中: a list's status tag. */
export function statusTagText(r: Pick<ReportSummary, 'status' | 'stars'>): string {
  return r.status === 'closed' && r.stars ? `已评价 ${r.stars} 星` : statusLabel(r.status)
}

type HintState = ReportStatus | 'rated'
const HANDLER_OF: Record<ReportLevel, string> = { grid: '网格员', community: '社区', street: '街道', district: '区综治中心', city: '市综治中心' }

/**
 * The line under a report's status, written for whoever is looking (ReportView.viewer): the reporter is
 * asked to rate, the handler told what to do next, other staff who is doing it, a neighbour what happens.
 */
export function statusHint(r: Pick<ReportView, 'status' | 'stars' | 'level' | 'viewer'>): string {
  const state: HintState = r.status === 'closed' && r.stars ? 'rated' : r.status
  const who = HANDLER_OF[r.level]
  const hints: Record<ReportViewer, Record<HintState, string>> = {
    reporter: {
      submitted: '已送达负责的工作人员，等待受理',
      returned: '工作人员需要您补充情况，请修改后重新提交',
      accepted: '工作人员正在处理',
      resolved: '已办结，请评价处理结果；没解决可以重新打开',
      rated: `您已评价 ${r.stars ?? ''} 星，谢谢您的反馈`,
      closed: '办结后 7 天没有评价，已自动结案',
      rejected: '工作人员未予受理，原因见下方记录',
      withdrawn: '您已撤回这个问题',
    },
    handler: {
      submitted: '请在受理期限前受理，或退回补充、不予受理、上报',
      returned: '已退回居民补充情况，居民重新提交后会回到您的待办',
      accepted: '正在办理：可以记录进展，办好后点“办结”',
      resolved: '已办结，等待居民评价；居民 7 天内可以重新打开',
      rated: `居民已评价 ${r.stars ?? ''} 星`,
      closed: '办结后 7 天居民没有评价，已自动结案',
      rejected: '已不予受理，原因见下方记录',
      withdrawn: '居民已撤回这个问题',
    },
    staff: {
      submitted: `等待${who}受理`,
      returned: '已退回居民补充情况',
      accepted: `${who}正在处理`,
      resolved: '已办结，等待居民评价',
      rated: `居民已评价 ${r.stars ?? ''} 星`,
      closed: '办结后 7 天居民没有评价，已自动结案',
      rejected: `${who}未予受理，原因见下方记录`,
      withdrawn: '居民已撤回这个问题',
    },
    resident: {
      submitted: '已送达负责的工作人员，等待受理',
      returned: '等待上报的居民补充情况',
      accepted: '工作人员正在处理',
      resolved: '工作人员已办结',
      rated: `上报的居民已评价 ${r.stars ?? ''} 星`,
      closed: '已结案',
      rejected: '未予受理',
      withdrawn: '已撤回',
    },
  }
  return hints[r.viewer][state]
}

export function categoryLabel(category: ReportCategory): string {
  return REPORT_CATEGORY_LABELS[category] ?? '其他'
}

/** What one timeline step was, in words: 受理 / 办结 / 提交上报 ... */
export function timelineLabel(entry: Pick<TimelineEntry, 'action' | 'level'>): string {
  if (entry.action === 'escalate') return `上报到${REPORT_LEVEL_OFFICES[entry.level] ?? ''}`
  if (entry.action in ACTION_LABELS) return ACTION_LABELS[entry.action as keyof typeof ACTION_LABELS]
  return TIMELINE_STEP_LABELS[entry.action as keyof typeof TIMELINE_STEP_LABELS] ?? entry.action
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
