import { addDays, clusterCell, gridAt, periodOf, POINT_CAP, SHIFT_CAP, type OverviewMap, type OverviewMapInput } from '@/domain/overview'
import { chinaDay, chinaInstant } from '@/domain/shared/chinaTime'
import type { UserCtx } from './ports'
import { areaOf } from './access'

/**
 * overview.map — 一张图: the area's grids with boundary and figures, the period's open located reports (as points up
 * to POINT_CAP, else counted per cell of a cluster grid), today's patrol shifts. Same callers and scope as
 * overview.get; staff of an area see every report of it with its location, private ones included (reports' access).
 */
export async function viewMap(input: OverviewMapInput, ctx: UserCtx): Promise<OverviewMap> {
  const { deps, user } = ctx
  const area = await areaOf(deps, user, input.area)
  const now = deps.clock.now()
  const period = periodOf(input, now)
  const today = chinaDay(now)
  const q = { scope: area.scope, start: period.start, end: period.end, now: now.toISOString() }
  const repo = deps.store.overviewMap
  const [grids, extent, shifts] = await Promise.all([
    repo.grids(q),
    repo.pointExtent(q),
    repo.shiftsBetween(area.scope, chinaInstant(today).toISOString(), chinaInstant(addDays(today, 1)).toISOString(), SHIFT_CAP),
  ])
  let points: OverviewMap['points']
  if (extent.n <= POINT_CAP) {
    points = { total: extent.n, clustered: false, cellDegrees: null, items: extent.n > 0 ? await repo.points(q, POINT_CAP) : [], clusters: [] }
  } else {
    const span = Math.max((extent.maxLat ?? 0) - (extent.minLat ?? 0), (extent.maxLng ?? 0) - (extent.minLng ?? 0))
    const cell = clusterCell(span)
    points = { total: extent.n, clustered: true, cellDegrees: cell, items: [], clusters: await repo.clusters(q, cell) }
  }
  const patrols = new Map<string, number>()
  for (const s of shifts) {
    const g = gridAt([s.latitude, s.longitude], grids)
    if (g) patrols.set(g.id, (patrols.get(g.id) ?? 0) + 1)
  }
  return {
    area: { kind: area.kind, id: area.id, name: area.name },
    from: period.from,
    to: period.to,
    today,
    grids: grids.map((g) => ({ ...g, patrolsToday: patrols.get(g.id) ?? 0 })),
    points,
    shifts,
  }
}
