import type { CommunityView } from '@/domain/community'
import { AppError } from '@/domain/shared/errors'
import type { UserCtx } from './ports'

/** community.get — a signed-in person looks at their community and its grids. */
export async function viewMyCommunity(_input: Record<string, never>, ctx: UserCtx): Promise<CommunityView> {
  const id = ctx.user.communityId
  const c = id ? await ctx.deps.store.communities.get(id) : null
  if (!c) throw new AppError('NOT_FOUND', '你还没有加入社区')
  return { id: c.id, name: c.name, streetName: c.streetName, grids: c.grids }
}
