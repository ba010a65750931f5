import type { DevLoginInput, Session } from '@/domain/auth'
import { AppError } from '@/domain/shared/errors'
import type { Ctx } from './ports'
import type { CommunityRecord, GridRecord } from '../shared/ports'
import { assertCleanText } from '../shared/contentGuard'
import { plausibleName } from '../shared/demoNames'
import { sessionFor } from './session'


async function placeOf(input: DevLoginInput, ctx: Ctx): Promise<{ community: CommunityRecord; grid: GridRecord | null }> {
  const { communities } = ctx.deps.store
  let grid: GridRecord | null = null
  if (input.gridId) {
    grid = await communities.grid(input.gridId)
    if (!grid) throw new AppError('NOT_FOUND', '网格不存在')
  }
  const communityId = input.communityId ?? grid?.communityId
  const community = communityId ? await communities.get(communityId) : await communities.first()
  if (!community) throw new AppError('NOT_FOUND', communityId ? '社区不存在' : '还没有社区数据，请先运行 npm run seed')
  if (grid && grid.communityId !== community.id) throw new AppError('INVALID_INPUT', '该网格不属于所选社区')
  if (!grid && community.grids[0]) grid = await communities.grid(community.grids[0].id)
  return { community, grid }
}

/**
 * auth.devLogin — on a development server, someone signs in as a brand-new user of the role they pick
 * (DESIGN §4). Off under NODE_ENV=production unless GONGZHI_DEV_LOGIN=1.
 */
export async function signInForDevelopment(input: DevLoginInput, ctx: Ctx): Promise<Session> {
  const { deps } = ctx
  if (!deps.devLogin) throw new AppError('FORBIDDEN', '开发登录已关闭')
  const { community, grid } = await placeOf(input, ctx)
  const id = deps.ids.newId()
  if (input.name) await assertCleanText(deps, [input.name], id, 'profile')
  const role = input.role
  const livesHere = role === 'resident' || role === 'volunteer'
  const verified = livesHere ? (input.verified ?? true) : false
  const householdId = livesHere && verified && grid ? await deps.store.communities.pickHousehold(grid.id) : null
  const user = await deps.store.users.create({
    id,
    // a person's name, not their role: screens add the role where it matters (网格员 孙丽), once
    name: input.name ?? plausibleName(id),
    roles: role === 'volunteer' ? ['resident', 'volunteer'] : [role],
    communityId: community.id,
    gridId: livesHere ? (grid?.id ?? null) : null,
    householdId,
    verified,
    workerGridIds: role === 'gridWorker' && grid ? [grid.id] : [],
    createdAt: deps.clock.now().toISOString(),
  })
  return sessionFor(deps, user)
}
