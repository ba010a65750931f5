import { cellText, timelinessOf, TIMELINESS_LABELS } from '@/domain/ledger'
import { MEDIATION_KIND_LABELS, MEDIATION_OUTCOME_LABELS, REPORT_CATEGORY_LABELS, REPORT_LEVEL_LABELS } from '@/domain/reports'
import { ACTION_LABELS, STATUS_LABELS, TIMELINE_STEP_LABELS } from '@/domain/reports/flow'
import { chinaStamp } from '@/domain/shared/chinaTime'
import { maskName, maskPhone } from '@/domain/shared/mask'
import type { UserRecord } from '../shared/ports'
import type { LedgerEventRecord, LedgerReportRecord, LedgerShiftRecord } from './ports'

/** A timeline step in words, as the report page says it. */
const STEP_LABELS: Record<string, string> = { ...ACTION_LABELS, ...TIMELINE_STEP_LABELS }

/** The workbook's columns and rows, in Chinese; every text cell passes cellText (formula injection). */

export interface Column {
  header: string
  width: number
}

export const REPORT_COLUMNS: Column[] = [
  { header: '编号', width: 22 },
  { header: '上报时间', width: 17 },
  { header: '类别', width: 10 },
  { header: '社区', width: 12 },
  { header: '网格', width: 10 },
  { header: '状态', width: 9 },
  { header: '当前层级', width: 9 },
  { header: '问题描述', width: 40 },
  { header: '上报人', width: 10 },
  { header: '联系电话', width: 14 },
  { header: '受理时间', width: 17 },
  { header: '办结时间', width: 17 },
  { header: '处理人', width: 10 },
  { header: '办结期限', width: 17 },
  { header: '是否按时', width: 10 },
  { header: '处理经过', width: 60 },
]

export const DISPUTE_COLUMNS: Column[] = [
  { header: '编号', width: 22 },
  { header: '上报时间', width: 17 },
  { header: '社区', width: 12 },
  { header: '网格', width: 10 },
  { header: '状态', width: 9 },
  { header: '最高上报层级', width: 12 },
  { header: '调解方式', width: 10 },
  { header: '调解次数', width: 9 },
  { header: '调解结果', width: 10 },
  { header: '协议内容', width: 40 },
]

export const SHIFT_COLUMNS: Column[] = [
  { header: '班次', width: 20 },
  { header: '社区', width: 12 },
  { header: '开始时间', width: 17 },
  { header: '结束时间', width: 17 },
  { header: '名额', width: 8 },
  { header: '报名人数', width: 9 },
  { header: '到岗人数', width: 9 },
  { header: '巡逻时长（小时）', width: 14 },
  { header: '状态', width: 8 },
]

const stamp = (t: string | null) => (t ? chinaStamp(t) : '')

/** Names as staff lists show them: in full to the community's committee and the grid's worker; masked to others. */
export function reporterShown(r: LedgerReportRecord, u: UserRecord): string {
  const own = u.communityId === r.communityId && (u.roles.includes('committee') || (u.roles.includes('gridWorker') && u.grids.some((g) => g.id === r.gridId)))
  if (own) return r.reporterName
  return r.anonymous ? '居民' : maskName(r.reporterName)
}

/** The timeline as text: one line per step, `2025-03-01 10:00 受理（孙丽）：说明`. */
export function timelineText(r: LedgerReportRecord, events: LedgerEventRecord[], reporter: string): string {
  return events
    .map((e) => {
      const who = e.actorId === null ? '系统' : e.actorId === r.reporterId ? reporter : (e.actorName ?? '')
      const what = STEP_LABELS[e.action] ?? e.action
      return `${chinaStamp(e.at)} ${what}${who ? `（${who}）` : ''}${e.note ? `：${e.note}` : ''}`
    })
    .join('\n')
}

export function reportRow(r: LedgerReportRecord, events: LedgerEventRecord[], u: UserRecord, now: Date): string[] {
  const reporter = reporterShown(r, u)
  return [
    r.id,
    stamp(r.createdAt),
    REPORT_CATEGORY_LABELS[r.category],
    r.communityName,
    r.gridName,
    STATUS_LABELS[r.status],
    REPORT_LEVEL_LABELS[r.level],
    r.description,
    reporter,
    r.reporterPhone ? maskPhone(r.reporterPhone) : '',
    stamp(r.acceptedAt),
    stamp(r.resolvedAt),
    r.assigneeName ?? '',
    stamp(r.resolveBy),
    TIMELINESS_LABELS[timelinessOf(r, now)],
    timelineText(r, events, reporter),
  ].map(cellText)
}

export function disputeRow(r: LedgerReportRecord): (string | number)[] {
  return [
    cellText(r.id),
    stamp(r.createdAt),
    cellText(r.communityName),
    cellText(r.gridName),
    STATUS_LABELS[r.status],
    REPORT_LEVEL_LABELS[r.maxLevel],
    r.mediationKind ? MEDIATION_KIND_LABELS[r.mediationKind] : '未调解',
    r.mediationSessions,
    r.mediationOutcome ? MEDIATION_OUTCOME_LABELS[r.mediationOutcome] : r.mediationKind ? '调解中' : '—',
    cellText(r.agreement ?? ''),
  ]
}

export function shiftRow(s: LedgerShiftRecord): (string | number)[] {
  return [
    cellText(s.title),
    cellText(s.communityName),
    stamp(s.startAt),
    stamp(s.endAt),
    s.capacity,
    s.confirmed,
    s.attended,
    s.hoursTenths / 10,
    s.cancelled ? '已取消' : '正常',
  ]
}
