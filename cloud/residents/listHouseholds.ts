import { z } from 'zod'
import { AppError } from '@/domain/shared/errors'
import type { HouseholdListInput, HouseholdView } from '@/domain/residents'
import type { Page } from '@/domain/shared/text'
import type { HouseholdScope, UserCtx } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'
import { isCommitteeOf, workerGrids } from './policy'
import { toHouseholdView } from './view'

const cursorSchema = z.tuple([z.number().int(), z.string().max(64), z.string().max(64), z.string().max(64), z.string().max(64)])

/**
 * Which households the caller may list: the committee its whole community (or one of its grids), a grid
 * worker only their own grids; asking for any other grid is FORBIDDEN.
 */
export function householdScopeOf(ctx: UserCtx, gridId: string | undefined, communityGrids: string[]): HouseholdScope {
  const { user } = ctx
  const communityId = user.communityId as string
  if (isCommitteeOf(user, user.communityId)) {
    if (gridId && !communityGrids.includes(gridId)) throw new AppError('FORBIDDEN', '只能查看本社区网格的住户')
    return { communityId, gridIds: gridId ? [gridId] : null }
  }
  const mine = workerGrids(user)
  if (mine.length === 0) throw new AppError('FORBIDDEN', '只有社区工作人员和网格员可以查看住户名册')
  if (gridId && !mine.includes(gridId)) throw new AppError('FORBIDDEN', '只能查看自己负责网格的住户')
  return { communityId, gridIds: gridId ? [gridId] : mine }
}

/** household.list — staff page through the roster, grid by grid, 楼栋/单元/房号 in order. */
export async function listHouseholds(input: HouseholdListInput, ctx: UserCtx): Promise<Page<HouseholdView>> {
  const { deps, user } = ctx
  const community = user.communityId ? await deps.store.communities.get(user.communityId) : null
  if (!community) throw new AppError('FORBIDDEN', '只有社区工作人员和网格员可以查看住户名册')
  const scope = householdScopeOf(ctx, input.gridId, community.grids.map((g) => g.id))
  const limit = input.limit ?? 20
  const c = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const rows = await deps.store.households.list(scope, {
    limit: limit + 1,
    after: c ? { gridSeq: c[0], building: c[1], unit: c[2], room: c[3], id: c[4] } : null,
  })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((h) => toHouseholdView(h, user)),
    nextCursor: rows.length > limit && last ? encodeKey([last.gridSeq, last.building, last.unit, last.room, last.id]) : null,
  }
}
