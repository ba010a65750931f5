import type { CommunityView } from '@/domain/community'
import { AppError } from '@/domain/shared/errors'
import type { UserCtx } from './ports'
import { communityOf } from '../shared/community'

/** community.get — a signed-in person looks at their community and its grids. */
export async function viewMyCommunity(_input: Record<string, never>, ctx: UserCtx): Promise<CommunityView> {
  const c = await ctx.deps.store.communities.get(communityOf(ctx.user))
  if (!c) throw new AppError('NOT_FOUND', '社区不存在')
  return { id: c.id, name: c.name, streetName: c.streetName, grids: c.grids }
}
