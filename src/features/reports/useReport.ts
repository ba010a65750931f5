import { useCallback, useEffect } from 'react'
import type { ReportView } from '@/domain/reports'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { emitReportEvent, onReportEvent } from './events'

/** One report as the caller may see it (timeline, mediation, `can`); follows edits made on the form page. */
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
  useEffect(
    () =>
      onReportEvent((e) => {
        if (e.type === 'changed' && e.report.id === id) setData(() => e.report)
      }),
    [id, setData],
  )
  return { ...remote, replace }
}
