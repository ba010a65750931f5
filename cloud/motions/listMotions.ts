import type { motionListSchema, MotionListPage } from '@/domain/motions'
import { z } from 'zod'
import type { UserCtx } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'
import { isCommitteeOf, settle } from './access'
import { summaryFor } from './view'
import { communityOf } from '../shared/community'

const cursorSchema = z.strictObject({ seq: z.number().int().min(0) })

/** motion.list — the community's motions, newest first (drafts for the committee only); no tallies in it. */
export async function listMotions(input: z.output<typeof motionListSchema>, ctx: UserCtx): Promise<MotionListPage> {
  const { deps, user } = ctx
  const communityId = communityOf(user)
  await settle(deps, { communityId })
  const limit = input.limit ?? 20
  const after = input.cursor ? decodeKey(cursorSchema, input.cursor).seq : null
  const rows = await deps.store.motions.list(communityId, {
    status: input.status,
    withDrafts: isCommitteeOf(user, communityId),
    limit: limit + 1,
    after,
  })
  const page = rows.slice(0, limit)
  const items = []
  for (const m of page) items.push(await summaryFor(deps, m, user))
  return { items, nextCursor: rows.length > limit ? encodeKey({ seq: page[page.length - 1]!.seq }) : null }
}
