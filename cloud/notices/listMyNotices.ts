import type { NoticeListInput, NoticeListPage } from '@/domain/notices'
import type { UserCtx } from './ports'
import { decodeCursor, encodeCursor } from './cursor'
import { canConfirm, isUnread, listAudienceOf } from './policy'
import { toSummary } from './view'
import { communityOf } from '../shared/community'
import { tierOf } from '@/domain/shared/roles'

/** notice.list — someone opens 首页: the notices addressed to them, pinned first then newest. */
export async function listMyNotices(input: NoticeListInput, ctx: UserCtx): Promise<NoticeListPage> {
  const { deps, user } = ctx
  const after = input.cursor ? decodeCursor(input.cursor) : null
  const audience = listAudienceOf(user)
  if (!audience) {
    // staff of a tier not placed yet see nothing; a resident who has not chosen their community is told to
    if (!tierOf(user.roles)) communityOf(user)
    return { items: [], nextCursor: null, unread: 0 }
  }
  const limit = input.limit ?? 20
  const now = deps.clock.now()
  const [rows, unread] = await Promise.all([
    deps.store.notices.list(audience, { viewerId: user.id, now: now.toISOString(), limit: limit + 1, after }),
    deps.store.notices.countUnread(audience, { viewerId: user.id, now: now.toISOString() }),
  ])
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((n) =>
      toSummary(n, { read: n.read, confirmed: n.confirmed, unread: isUnread(user, n, n.read, now), canConfirm: canConfirm(user, n, now) }, now),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor({ pinned: last.pinned, publishAt: last.publishAt, id: last.id }) : null,
    unread,
  }
}
