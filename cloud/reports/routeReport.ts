import type { ReportRoute, ReportRouteInput } from '@/domain/reports'
import { AppError } from '@/domain/shared/errors'
import type { UserCtx } from './ports'
import { requireCommunity } from './access'
import { routeOf, toGcj02 } from './location'

/**
 * report.route — after locating, before sending: the grid a report made here goes to (the same rule as
 * report.create) and who handles it there, so the resident sees where it goes and can pick another grid.
 */
export async function routeReport(input: ReportRouteInput, ctx: UserCtx): Promise<ReportRoute> {
  const { deps, user } = ctx
  const communityId = requireCommunity(user)
  const grids = await deps.store.communities.grids(communityId)
  if (grids.length === 0) throw new AppError('CONFLICT', '本社区还没有划分网格，暂时不能上报')
  const { grid, inside } = routeOf(grids, { point: toGcj02(input, input.coordSystem), ownId: user.gridId })
  const [workerId] = await deps.store.reports.workersOf(grid.id)
  const worker = workerId ? await deps.store.users.get(workerId) : null
  return { gridId: grid.id, gridName: grid.name, inside, handler: worker ? `网格员 ${worker.name}` : `${grid.name}网格员` }
}
