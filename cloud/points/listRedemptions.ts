import { z } from 'zod'
import type { Page } from '@/domain/shared/text'
import type { RedemptionListInput, RedemptionView } from '@/domain/points'
import { decodeKey, encodeKey } from '../shared/cursor'
import type { UserCtx } from './ports'
import { communityOf, isCommitteeOf } from './access'
import { redemptionView } from './view'

const cursorSchema = z.tuple([z.string().max(40), z.string().max(64)])

/**
 * redemption.list — the committee sees its community's redemptions (status pending: those still to hand out);
 * anyone else sees their own.
 */
export async function listRedemptions(input: RedemptionListInput, ctx: UserCtx): Promise<Page<RedemptionView>> {
  const { deps, user } = ctx
  const communityId = communityOf(user)
  const committee = isCommitteeOf(user, communityId)
  const limit = input.limit ?? 20
  const c = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const found = await deps.store.points.redemptions({
    communityId,
    ...(committee ? {} : { userId: user.id }),
    pending: input.status === 'pending',
    after: c ? { at: c[0], id: c[1] } : null,
    limit: limit + 1,
  })
  const items = found.slice(0, limit)
  const last = items[items.length - 1]
  return { items: items.map((r) => redemptionView(r, true)), nextCursor: found.length > limit && last ? encodeKey([last.at, last.id]) : null }
}
