import { z } from 'zod'
import type { MemberListInput, MemberView, memberListSchema } from '@/domain/members'
import type { Page } from '@/domain/shared/text'
import type { UserCtx } from './ports'
import { committeeCommunity } from '../residents'
import { memberViews } from './view'
import { decodeKey, encodeKey } from '../shared/cursor'

const cursorSchema = z.tuple([z.string().max(64), z.string().max(64)])

/**
 * member.list — the committee looks through the people of its community (by role, name or phone digits), each
 * with their household's address.
 */
export async function listMembers(input: z.output<typeof memberListSchema> & MemberListInput, ctx: UserCtx): Promise<Page<MemberView>> {
  const { deps, user } = ctx
  const community = await committeeCommunity(ctx, '只有本社区工作人员可以查看人员名单')
  const limit = input.limit ?? 20
  const c = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const rows = await deps.store.users.list(community.id, {
    role: input.role,
    query: input.query,
    limit: limit + 1,
    after: c ? { name: c[0], id: c[1] } : null,
  })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: await memberViews(deps, page, user),
    nextCursor: rows.length > limit && last ? encodeKey([last.name, last.id]) : null,
  }
}
