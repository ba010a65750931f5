import type { GridPhoneInput, GridView } from '@/domain/community'
import { AppError } from '@/domain/shared/errors'
import type { UserCtx } from './ports'

/**
 * community.setGridPhone — the committee publishes the phone residents may call about a grid (网格服务电话):
 * shown with the grid (community.get) and, on a report, to its reporter. Audited; only its own grids.
 */
export async function setGridPhone(input: GridPhoneInput, ctx: UserCtx): Promise<GridView> {
  const { deps, user } = ctx
  if (!user.roles.includes('committee') || !user.communityId) throw new AppError('FORBIDDEN', '只有社区工作人员可以设置网格服务电话')
  const grid = await deps.store.communities.grid(input.gridId)
  if (!grid) throw new AppError('NOT_FOUND', '网格不存在')
  if (grid.communityId !== user.communityId) throw new AppError('FORBIDDEN', '只能设置本社区网格的服务电话')
  const phone = input.servicePhone ?? null
  await deps.store.communities.setGridPhone(grid.id, phone, {
    at: deps.clock.now().toISOString(),
    actorId: user.id,
    action: 'community.setGridPhone',
    targetType: 'grid',
    targetId: grid.id,
    communityId: user.communityId,
    detail: { servicePhone: phone },
  })
  return { id: grid.id, name: grid.name, servicePhone: phone }
}
