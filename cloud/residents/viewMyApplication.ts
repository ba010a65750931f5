import type { ResidentApplicationView } from '@/domain/residents'
import type { UserCtx } from './ports'
import { toOwnApplicationView } from './view'

/**
 * resident.myApplication — a resident checks how their latest verification application stands. The roster
 * stays private: `matchesRoster` is false and `householdId` null here (the committee's lists carry them).
 */
export async function viewMyApplication(_input: Record<string, never>, ctx: UserCtx): Promise<ResidentApplicationView | null> {
  const a = await ctx.deps.store.residentApplications.latestOf(ctx.user.id)
  return a ? toOwnApplicationView(a, ctx.user) : null
}
