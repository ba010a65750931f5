import type { VolunteerStats, volunteerStatsSchema } from '@/domain/volunteers'
import { chinaMonth, monthBounds } from '@/domain/patrols/rules'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { settle } from '../patrols'

/** volunteer.stats — my hours this month (Beijing time, by the shift's start) and in total, shifts done, no-shows. */
export async function viewVolunteerStats(_input: z.output<typeof volunteerStatsSchema>, ctx: UserCtx): Promise<VolunteerStats> {
  const { deps, user } = ctx
  await settle(deps)
  const month = chinaMonth(deps.clock.now().toISOString())
  const totals = await deps.store.shifts.totals(user.id, monthBounds(month))
  return { month, ...totals }
}
