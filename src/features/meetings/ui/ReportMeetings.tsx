import { useCallback } from 'react'
import type { ResponsibleView } from '@/domain/meetings'
import type { ReportView } from '@/domain/reports'
import { Card } from '@/components/Card'
import { useMeetings } from '../useMeetings'
import { MeetingsCard } from './MeetingsCard'
import { ResponsibleRow } from './ResponsibleRow'

/**
 * A dispute's 包保 and 联席会议 for staff: asked only when the viewer is staff of it and the report is a dispute
 * (residents see the timeline steps, never the minutes).
 */
export function ReportMeetings({ report, meId }: { report: ReportView; meId: string }) {
  const staff = (report.viewer === 'handler' || report.viewer === 'staff') && report.category === 'dispute'
  const steps = report.timeline.filter((e) => e.action === 'meeting' || e.action === 'responsible').length
  const m = useMeetings(report.id, staff, steps)
  const { setData } = m
  const onAssigned = useCallback((responsible: ResponsibleView) => setData((prev) => prev && { ...prev, responsible }), [setData])
  if (!staff || m.status !== 'ready') return null
  const canAssign = report.can.includes('responsible')
  return (
    <>
      {m.responsible || canAssign ? (
        <Card title='包保责任' testid='responsible-card'>
          <ResponsibleRow reportId={report.id} responsible={m.responsible} canAssign={canAssign} onAssigned={onAssigned} />
        </Card>
      ) : null}
      <MeetingsCard m={m} meId={meId} />
    </>
  )
}
