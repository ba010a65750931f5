import type { VolunteerApplicationView } from '@/domain/volunteers'
import type { UserCtx } from './ports'
import { toVolunteerApplicationView } from './view'

/** volunteer.myApplication — a resident checks their latest volunteer application. */
export async function viewMyVolunteerApplication(
  _input: Record<string, never>,
  ctx: UserCtx,
): Promise<VolunteerApplicationView | null> {
  const a = await ctx.deps.store.volunteerApplications.latestOf(ctx.user.id)
  return a ? toVolunteerApplicationView(a, ctx.user) : null
}
