import type { VolunteerStats, volunteerStatsSchema } from '@/domain/volunteers'
import { chinaMonth, monthBounds } from '@/domain/patrols/rules'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { settle } from '../patrols'
import { calloutHoursOf } from '../callouts'

/**
 * volunteer.stats — my hours this month (Beijing time, by the shift's or call-out's start) and in total, patrol and
 * call-out hours together; shifts done, no-shows, call-outs attended.
 */
export async function viewVolunteerStats(_input: z.output<typeof volunteerStatsSchema>, ctx: UserCtx): Promise<VolunteerStats> {
  const { deps, user } = ctx
  await settle(deps)
  const month = chinaMonth(deps.clock.now().toISOString())
  const bounds = monthBounds(month)
  const totals = await deps.store.shifts.totals(user.id, bounds)
  const c = await calloutHoursOf(deps.store, user.id, bounds, deps.clock.now().toISOString())
  return {
    month,
    ...totals,
    hoursThisMonth: Math.round((totals.hoursThisMonth + c.hoursThisMonth) * 10) / 10,
    hoursTotal: Math.round((totals.hoursTotal + c.hoursTotal) * 10) / 10,
    calloutsDone: c.calloutsDone,
  }
}
