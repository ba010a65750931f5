import { useEffect } from 'react'
import type { ReportFigures } from '@/domain/reports'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { onReportEvent } from './events'

/**
 * The figures beside the links to the caller's report lists (随手拍 tab, 待办问题, 我的上报, the desks): one
 * report.counts, which counts each list with the list's own query; reloaded when a report is created or changed.
 */
export function useReportCounts(userId: string, enabled = true) {
  const remote = useRemote<ReportFigures>(enabled ? `report-counts:${userId}` : null, () => callApi('report.counts', {}))
  const { reload } = remote
  useEffect(() => onReportEvent(() => void reload({ silent: true })), [reload])
  return remote
}
