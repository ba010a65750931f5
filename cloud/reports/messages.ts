import { REPORT_CATEGORY_LABELS, REPORT_LEVEL_OFFICES, type ReportLevel } from '@/domain/reports'
import type { NewMessage } from '../messages'
import type { Deps, ReportRecord } from './ports'

/** What a report is, in one line of a message: 环境卫生「3栋楼下垃圾堆了三天…」 */
export function subjectOf(r: Pick<ReportRecord, 'category' | 'description'>): string {
  const cps = [...r.description]
  const cut = cps.length > 20 ? cps.slice(0, 20).join('') + '…' : r.description
  return `${REPORT_CATEGORY_LABELS[r.category]}「${cut}」`
}

export function messageTo(
  deps: Pick<Deps, 'ids'>,
  userId: string,
  report: Pick<ReportRecord, 'id' | 'category' | 'description'>,
  title: string,
  note: string | null,
  at: string,
): NewMessage {
  return {
    id: deps.ids.newId(),
    userId,
    kind: 'report',
    title,
    body: note ? `${subjectOf(report)}\n${note}` : subjectOf(report),
    target: { type: 'report', id: report.id },
    createdAt: at,
  }
}

/** The reporter's message for each status change a staff member makes. */
export function reporterTitle(action: string, level: ReportLevel): string | null {
  switch (action) {
    case 'accept':
      return '您反映的问题已受理'
    case 'note':
      return '您反映的问题有新进展'
    case 'resolve':
      return '您反映的问题已办结，请评价'
    case 'reject':
      return '您反映的问题不予受理'
    case 'return':
      return '您反映的问题需要补充信息'
    case 'escalate':
      return `您反映的问题已上报至${REPORT_LEVEL_OFFICES[level]}`
    default:
      return null
  }
}
