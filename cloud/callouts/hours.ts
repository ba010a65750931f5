import { calloutHours } from '@/domain/callouts/rules'
import type { CalloutsStore } from './ports'

/**
 * A volunteer's call-out hours (计入志愿时长), by the call-out's start: the ones they checked in to and that are
 * over (closed or ended), from 报到 to the end. `month`: the month's; `total`: all of them. Also how many.
 */
export async function calloutHoursOf(
  store: Pick<CalloutsStore, 'callouts'>,
  userId: string,
  month: { from: string; to: string },
  now: string,
): Promise<{ hoursThisMonth: number; hoursTotal: number; calloutsDone: number }> {
  const all = await store.callouts.attendance(userId)
  let month10 = 0
  let total10 = 0
  let done = 0
  for (const a of all) {
    const h = calloutHours(a, a.checkinAt, now)
    if (h === null) continue
    done++
    total10 += Math.round(h * 10)
    if (a.startAt >= month.from && a.startAt < month.to) month10 += Math.round(h * 10)
  }
  return { hoursThisMonth: month10 / 10, hoursTotal: total10 / 10, calloutsDone: done }
}
