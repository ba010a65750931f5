import type { shiftIdSchema, ShiftDetail } from '@/domain/shift'
import type { z } from 'zod'
import type { UserCtx } from '../api/context'
import { loadShift } from './access'
import { detailView } from './view'

/** shift.get — one shift with its roster (names in full for staff, masked for others but their own). */
export async function viewShift(input: z.output<typeof shiftIdSchema>, ctx: UserCtx): Promise<ShiftDetail> {
  const { deps, user } = ctx
  const s = await loadShift(deps, input.id, user)
  const roster = await deps.store.shifts.roster(s.id)
  return detailView(s, roster, user, deps.clock.now().toISOString())
}
