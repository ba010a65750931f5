import { noticeState, type Notice, type NoticeSummary } from '@/domain/notices'
import type { NoticeListed, NoticeReadRecord, NoticeRecord } from './ports'

export function toSummary(
  n: NoticeListed,
  flags: { read: boolean; unread: boolean; confirmed: boolean; canConfirm: boolean },
  now: Date,
): NoticeSummary {
  return {
    id: n.id,
    communityName: n.communityName,
    title: n.title,
    category: n.category,
    pinned: n.pinned,
    important: n.important,
    gridIds: n.gridIds,
    publishAt: n.publishAt,
    expireAt: n.expireAt,
    state: noticeState(n, now),
    read: flags.read,
    unread: flags.unread,
    confirmed: flags.confirmed,
    canConfirm: flags.canConfirm,
    excerpt: n.excerpt,
  }
}

/**
 * The whole notice for one viewer, as they open it (or as its author just published it): never unread then.
 * authorName is a staff member's name, which is public.
 */
export function toNotice(
  n: NoticeRecord,
  read: NoticeReadRecord | null,
  canConfirm: boolean,
  now: Date,
  grids: { id: string; name: string }[],
): Notice {
  return {
    ...toSummary(n, { read: read !== null, unread: false, confirmed: !!read?.confirmedAt, canConfirm }, now),
    gridNames: n.gridIds === null ? null : grids.filter((g) => n.gridIds?.includes(g.id)).map((g) => g.name),
    body: n.body,
    authorName: n.authorName,
    confirmedAt: read?.confirmedAt ?? null,
  }
}
