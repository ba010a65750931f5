import { boxAround, distanceMetres } from '@/domain/shared/geo'
import { NEARBY_METRES, type NearbyReport, type reportNearbySchema } from '@/domain/reports'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { accessOf } from './access'
import { toGcj02 } from '../shared/geo'
import { toSummary } from './view'
import { communityOf } from '../shared/community'

const MAX_NEARBY = 10

/**
 * report.nearby — before submitting, the open public reports of the same category within 200 m in the
 * caller's community, nearest first ("我也遇到" instead of a second report).
 */
export async function findNearbyReports(input: z.output<typeof reportNearbySchema>, ctx: UserCtx): Promise<{ items: NearbyReport[] }> {
  const { deps, user } = ctx
  const communityId = communityOf(user)
  const centre = toGcj02(input, input.coordSystem)
  const rows = await deps.store.reports.nearby(communityId, input.category, boxAround(centre, NEARBY_METRES))
  const now = deps.clock.now()
  const items = rows
    .filter((r) => r.latitude !== null && r.longitude !== null)
    .map((r) => ({ r, distance: distanceMetres(centre, { latitude: r.latitude!, longitude: r.longitude! }) }))
    .filter((x) => x.distance <= NEARBY_METRES)
    .sort((a, b) => a.distance - b.distance || a.r.seq - b.r.seq)
    .slice(0, MAX_NEARBY)
    .map(({ r, distance }) => ({ ...toSummary(deps, r, accessOf(r, user), now), distance: Math.round(distance) }))
  return { items }
}
