import { z } from 'zod'
import type { ApplicationListInput, ResidentApplicationView } from '@/domain/residents'
import type { Page } from '@/domain/text'
import type { UserCtx } from '../api/context'
import { decodeKey, encodeKey } from '../shared/cursor'
import { committeeCommunity } from './policy'
import { toResidentApplicationView } from './view'

export const seqCursor = z.number().int().positive()

/** resident.applications — the committee goes through its community's verification applications, newest first. */
export async function listResidentApplications(
  input: ApplicationListInput,
  ctx: UserCtx,
): Promise<Page<ResidentApplicationView>> {
  const { deps, user } = ctx
  const community = await committeeCommunity(ctx, '只有本社区工作人员可以审核住户认证')
  const limit = input.limit ?? 20
  const rows = await deps.store.residentApplications.list(community.id, {
    status: input.status,
    limit: limit + 1,
    after: input.cursor ? decodeKey(seqCursor, input.cursor) : null,
  })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => toResidentApplicationView(r.record, user)),
    nextCursor: rows.length > limit && last ? encodeKey(last.seq) : null,
  }
}
