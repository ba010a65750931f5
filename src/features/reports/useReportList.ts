import { useEffect } from 'react'
import type { ReportListInput, ReportListPage, ReportScope, ReportSummary } from '@/domain/reports'
import { callApi } from '@/services/api'
import { usePagedList, type PagedList } from '../common/usePagedList'
import { onReportEvent } from './events'

export const REPORT_PAGE_SIZE = 20

/** A report list by scope (mine / public / queue / area), paged by cursor; kept current by the report events. */
export function useReportList(
  scope: ReportScope,
  { enabled = true, pageSize = REPORT_PAGE_SIZE, filter = {} as Omit<ReportListInput, 'scope' | 'cursor' | 'limit'> } = {},
): PagedList<ReportSummary> {
  const filterKey = JSON.stringify(filter)
  const list = usePagedList<ReportSummary, ReportListPage>(enabled ? `reports:${scope}:${pageSize}:${filterKey}` : null, (cursor) =>
    callApi('report.list', { scope, ...filter, limit: pageSize, ...(cursor ? { cursor } : {}) }),
  )
  const { refresh, update } = list
  useEffect(
    () =>
      onReportEvent((e) => {
        if (e.type === 'created') {
          void refresh()
          return
        }
        const r = e.report
        update(r.id, (old) => ({ ...old, status: r.status, stars: r.stars, supporters: r.supporters, anonymous: r.anonymous, dueAt: r.dueAt, overdue: r.overdue, excerpt: r.excerpt, category: r.category, reporterName: r.reporterName }))
      }),
    [refresh, update],
  )
  return list
}
