import { useEffect } from 'react'
import { OPEN_STATUSES } from '@/domain/reports/flow'
import { useRemote } from '../common/useRemote'
import { onReportEvent } from './events'
import { countReports, type Count } from './useReportList'

export interface ReportCounts {
  /** my reports still open (待受理 / 退回补充 / 处理中) */
  mineOpen: Count
  /** staff: the queue and its overdue part; null for residents */
  queue: { all: Count; overdue: Count } | null
}

/** The numbers on the 随手拍 tab, reloaded when a report is created or changed. */
export function useReportCounts(userId: string, staff: boolean) {
  const remote = useRemote<ReportCounts>(`report-counts:${userId}:${staff}`, async () => {
    const [mineOpen, all, overdue] = await Promise.all([
      countReports({ scope: 'mine' }, (r) => OPEN_STATUSES.includes(r.status)),
      staff ? countReports({ scope: 'queue' }) : Promise.resolve(null),
      staff ? countReports({ scope: 'queue', overdue: true }) : Promise.resolve(null),
    ])
    return { mineOpen, queue: all && overdue ? { all, overdue } : null }
  })
  const { reload } = remote
  useEffect(() => onReportEvent(() => void reload({ silent: true })), [reload])
  return remote
}
