import type { shiftIdSchema, ShiftDetail } from '@/domain/patrols'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { loadShift, seesAllLogs } from './access'
import { detailView } from './view'

/**
 * shift.get — one shift with its roster (names in full for staff, masked for others but their own) and its
 * patrol notes: every volunteer's for staff, the caller's own for anyone else.
 */
export async function viewShift(input: z.output<typeof shiftIdSchema>, ctx: UserCtx): Promise<ShiftDetail> {
  const { deps, user } = ctx
  const s = await loadShift(deps, input.id, user)
  const roster = await deps.store.shifts.roster(s.id)
  const logs = await deps.store.shifts.logs(s.id, seesAllLogs(user) ? null : user.id)
  return detailView(s, roster, logs, user, deps.clock.now().toISOString())
}
