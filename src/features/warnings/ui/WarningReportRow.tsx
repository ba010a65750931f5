import { LinkRow } from '@/components/LinkRow'
import type { ReportView } from '@/domain/reports'
import { callApi } from '@/services/api'
import { useRemote } from '../../common/useRemote'
import { timeText } from '../format'

const SHORT = 30

/** One report a warning counts: what it says and when (its number until loaded, or when it cannot be read). */
export function WarningReportRow({ reportId, n, onOpen }: { reportId: string; n: number; onOpen: (id: string) => void }) {
  const r = useRemote<ReportView>(`warning-report:${reportId}`, () => callApi('report.get', { id: reportId }))
  const d = r.data
  const chars = d ? [...d.description] : []
  const label = d ? (chars.length > SHORT ? `${chars.slice(0, SHORT).join('')}…` : d.description) : `第 ${n} 件`
  const hint = d ? `${timeText(d.createdAt)} 上报 · 点开查看` : '点开查看这件报事'
  return <LinkRow label={label} hint={hint} testid={`warning-report-${reportId}`} onClick={() => onOpen(reportId)} />
}
