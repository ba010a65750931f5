import type { NoticeListInput, NoticeSummary } from '@/domain/notice'
import type { Page } from '@/domain/text'
import type { UserCtx } from '../api/context'
import { decodeCursor, encodeCursor } from './cursor'
import { listAudienceOf } from './policy'
import { toSummary } from './view'

/** notice.list — someone opens 首页: the notices addressed to them, pinned first then newest. */
export async function listMyNotices(input: NoticeListInput, ctx: UserCtx): Promise<Page<NoticeSummary>> {
  const { deps, user } = ctx
  const after = input.cursor ? decodeCursor(input.cursor) : null
  const audience = listAudienceOf(user)
  if (!audience) return { items: [], nextCursor: null }
  const limit = input.limit ?? 20
  const now = deps.clock.now()
  const rows = await deps.store.notices.list(audience, { viewerId: user.id, now: now.toISOString(), limit: limit + 1, after })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((n) => toSummary(n, n, now)),
    nextCursor: rows.length > limit && last ? encodeCursor({ pinned: last.pinned, publishAt: last.publishAt, id: last.id }) : null,
  }
}
