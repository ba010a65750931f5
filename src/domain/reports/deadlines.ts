import { chinaDay, chinaHour } from '../shared/chinaTime'
import { addWorkdays, isWorkday, nextWorkday } from '../shared/workdays'
import type { ReportStatus } from '.'

/**
 * Deadlines of a report, in China time (UTC+8), on the State Council's working days (workdays.ts):
 * - 受理 by the end of the working day it arrives on; after 17:00, or on a rest day, by the end of the next
 *   working day ("线上马上办").
 * - 办结 by the end of the N-th working day after that intake day (N by category, per community).
 * The working day ends at 18:00.
 */
export const INTAKE_CUTOFF_HOUR = 17
export const WORKDAY_END_HOUR = 18


/** The working day on which a report that arrives at `at` is due to be accepted. */
export function intakeDay(at: Date): string {
  const day = chinaDay(at)
  return isWorkday(day) && chinaHour(at) < INTAKE_CUTOFF_HOUR ? day : nextWorkday(day)
}

/** The end of a working day, 18:00 China time, as an instant. */
export function endOfWorkday(day: string): Date {
  return new Date(Date.parse(`${day}T${String(WORKDAY_END_HOUR).padStart(2, '0')}:00:00+08:00`))
}

export function acceptDeadline(at: Date): Date {
  return endOfWorkday(intakeDay(at))
}

export function resolveDeadline(at: Date, workdays: number): Date {
  return endOfWorkday(addWorkdays(intakeDay(at), workdays))
}

/** The deadline that runs in a status: acceptBy while waiting for 受理, resolveBy while 处理中. */
export function dueAt(status: ReportStatus, acceptBy: string, resolveBy: string): string | null {
  if (status === 'submitted') return acceptBy
  if (status === 'accepted') return resolveBy
  return null
}

export function isOverdue(status: ReportStatus, acceptBy: string, resolveBy: string, now: Date): boolean {
  const due = dueAt(status, acceptBy, resolveBy)
  return due !== null && Date.parse(due) < now.getTime()
}

export { SETTLE_DAYS, settleBy } from './settle'
