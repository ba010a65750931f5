import { useCallback } from 'react'
import type { ReportView } from '@/domain/report'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { emitReportEvent } from './events'

/** One report as the caller may see it (timeline, mediation, `can`). */
export function useReport(id: string | null) {
  const remote = useRemote<ReportView>(id ? `report:${id}` : null, () => callApi('report.get', { id: id as string }))
  const { setData } = remote
  /** A newer view from an action: shown at once and told to the lists. */
  const replace = useCallback(
    (report: ReportView) => {
      setData(() => report)
      emitReportEvent({ type: 'changed', report })
    },
    [setData],
  )
  return { ...remote, replace }
}
