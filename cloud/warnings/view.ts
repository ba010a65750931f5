import { REPORT_CATEGORY_LABELS } from '@/domain/reports'
import { periodText, type AssessmentView, type WarningView } from '@/domain/warnings'
import type { AssessmentRecord, WarningRecord } from './ports'

type Summarised = Pick<WarningRecord, 'signal' | 'gridName' | 'category' | 'period' | 'observed' | 'baseline' | 'areaKey'>

/** What a warning says, in Chinese: the message's body and the list's line. */
export function summaryOf(w: Summarised): string {
  const area = w.gridName ?? '全社区'
  switch (w.signal) {
    case 'spike':
      return `${area}「${w.category ? REPORT_CATEGORY_LABELS[w.category] : '报事'}」${w.period ? `${periodText(w.period)}起` : '近'}一周报事 ${w.observed} 件，明显高于近期每周平均 ${w.baseline ?? 0} 件`
    case 'repeat':
      return `${area}同一${w.areaKey.startsWith('household:') ? '户' : '地点'}近期被反复反映 ${w.observed} 次`
    case 'dispute':
      return `${area}一起矛盾纠纷已重新打开或上报 ${w.observed} 次`
    case 'patrolHazard':
      return `${area}巡逻发现隐患近期集中 ${w.observed} 件`
  }
}

export const warningView = (w: WarningRecord): WarningView => ({
  id: w.id,
  communityId: w.communityId,
  gridId: w.gridId,
  gridName: w.gridName,
  level: w.level,
  signal: w.signal,
  category: w.category,
  period: w.period,
  summary: summaryOf(w),
  observed: w.observed,
  baseline: w.baseline,
  pValue: w.pValue,
  reportCount: w.reportIds.length,
  status: w.status,
  judgement: w.judgement,
  raisedAt: w.raisedAt,
  closedAt: w.closedAt,
})

export const assessmentView = (a: AssessmentRecord): AssessmentView => ({
  id: a.id,
  assessorId: a.assessorId,
  assessorName: a.assessorName,
  participants: a.participants,
  judgement: a.judgement,
  actions: a.actions,
  note: a.note,
  closed: a.closed,
  at: a.at,
})
