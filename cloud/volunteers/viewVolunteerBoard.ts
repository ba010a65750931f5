import { tierOf } from '@/domain/shared/roles'
import { maskName } from '@/domain/shared/mask'
import type { VolunteerBoard, volunteerBoardSchema } from '@/domain/volunteers'
import { monthBounds } from '@/domain/patrols/rules'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { requireCommunity, settle } from '../patrols'

/**
 * volunteer.board — the community's hours in a month (Beijing time), most first. Names masked to residents
 * and volunteers except their own row; in full for the committee and the staff above it.
 */
export async function viewVolunteerBoard(input: z.output<typeof volunteerBoardSchema>, ctx: UserCtx): Promise<VolunteerBoard> {
  const { deps, user } = ctx
  const communityId = requireCommunity(user)
  await settle(deps)
  const full = user.roles.includes('committee') || tierOf(user.roles) !== null
  const rows = await deps.store.shifts.board(communityId, monthBounds(input.month))
  return {
    month: input.month,
    rows: rows.map((r, i) => {
      const me = r.userId === user.id
      return { rank: i + 1, name: full || me ? r.name : maskName(r.name), hours: r.hours, shifts: r.shifts, me }
    }),
  }
}
