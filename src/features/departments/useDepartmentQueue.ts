import { useEffect } from 'react'
import type { ReportSummary } from '@/domain/reports'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { onReportEvent } from '../reports'

/** 交办队列: the department's dispatched reports by its deadline (department.queue); a report changed elsewhere leaves or updates in place. */
export function useDepartmentQueue() {
  const list = usePagedList<ReportSummary>('department-queue', (cursor) => callApi('department.queue', { ...(cursor ? { cursor } : {}), limit: 50 }))
  const { update, remove } = list
  useEffect(
    () =>
      onReportEvent((e) => {
        if (e.type !== 'changed') return
        // sent back or resolved: no longer the department's
        if (!e.report.dispatch) remove(e.report.id)
        else update(e.report.id, (old) => ({ ...old, status: e.report.status, dueAt: e.report.dueAt, overdue: e.report.overdue }))
      }),
    [update, remove],
  )
  return list
}
