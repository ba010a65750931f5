import type { ReportSummaryCounts } from '@/domain/reports'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'

/** 问题总览 figures: by status, category and grid; overdue; 矛盾不上交 (committee, street). */
export function useReportSummary(gridId: string, enabled = true) {
  const remote = useRemote<ReportSummaryCounts>(enabled ? `report-summary:${gridId}` : null, () =>
    callApi('report.summary', gridId ? { gridId } : {}),
  )
  return { ...remote, summary: remote.data }
}
