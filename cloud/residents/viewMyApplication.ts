import type { ResidentApplicationView } from '@/domain/residents'
import type { UserCtx } from '../api/context'
import { toResidentApplicationView } from './view'

/** resident.myApplication — a resident checks how their latest verification application stands. */
export async function viewMyApplication(_input: Record<string, never>, ctx: UserCtx): Promise<ResidentApplicationView | null> {
  const a = await ctx.deps.store.residentApplications.latestOf(ctx.user.id)
  return a ? toResidentApplicationView(a, ctx.user) : null
}
