import { z } from 'zod'
import type { CommunityChoice, communityListSchema } from '@/domain/community'
import type { Page } from '@/domain/shared/text'
import type { UserCtx } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'

const id = z.string().max(64)
const seq = z.number().int()
const cursorSchema = z.tuple([seq, z.string().max(64), seq, id, seq, id])

/**
 * community.list — a new resident looks for their community (选择社区): every community of the city in the
 * organisation's order, each with its street and district; `query` matches a community's, street's or district's name.
 */
export async function listCommunities(input: z.output<typeof communityListSchema>, ctx: UserCtx): Promise<Page<CommunityChoice>> {
  const limit = input.limit ?? 20
  const after = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const rows = await ctx.deps.store.communities.search({ query: input.query || null, limit: limit + 1, after })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((c) => ({ id: c.id, name: c.name, streetName: c.streetName, districtName: c.districtName })),
    nextCursor: rows.length > limit && last ? encodeKey(last.key) : null,
  }
}
