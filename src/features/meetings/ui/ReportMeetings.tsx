import type { ReportView } from '@/domain/reports'
import { useMeetings } from '../useMeetings'
import { MeetingsCard } from './MeetingsCard'

/** The 联席会议 of a report, asked for only when the viewer is staff of it and the timeline shows one. */
export function ReportMeetings({ report, meId }: { report: ReportView; meId: string }) {
  const staff = report.viewer === 'handler' || report.viewer === 'staff'
  const held = report.timeline.filter((e) => e.action === 'meeting').length
  const m = useMeetings(report.id, staff && held > 0, held)
  return <MeetingsCard m={m} meId={meId} />
}
