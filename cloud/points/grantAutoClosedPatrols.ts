import type { GrantDeps } from './grant'
import { grantPoints } from './grant'
import type { PointsRepo } from './ports'

const WINDOW_MS = 7 * 24 * 3600_000
const BATCH = 200

/**
 * Part of the periodic sweep: closes the shifts that ended (the patrols' own time rule) and grants the patrol hours of
 * attendances closed automatically at a shift's end (the volunteer never tapped 签退), for the last 7 days. Idempotent
 * (one grant per volunteer × shift), so overlapping sweeps or a retry grant once. Returns the number granted.
 */
export async function grantAutoClosedPatrols(deps: GrantDeps & { store: { points: PointsRepo; shifts: { settle(now: string): Promise<number> } } }): Promise<number> {
  const now = deps.clock.now()
  await deps.store.shifts.settle(now.toISOString())
  const due = await deps.store.points.autoClosedPatrols(new Date(now.getTime() - WINDOW_MS).toISOString(), BATCH)
  let granted = 0
  for (const p of due) {
    if ((await grantPoints(deps, { communityId: p.communityId, userId: p.userId, kind: 'patrol_hours', sourceId: p.shiftId, hours: p.hours, detail: p.title })) > 0) granted++
  }
  return granted
}
