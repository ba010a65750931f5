import type { StaffAction } from '../../useStaffActions'

/** A note being written is kept per report and action until it is sent. */
export function noteDraftKey(reportId: string, action: StaffAction): string {
  return `staff-note:${reportId}:${action}`
}
