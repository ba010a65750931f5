import { excerptOf, noticeState, type Notice, type NoticeSummary } from '@/domain/notice'
import type { NoticeReadRecord, NoticeRecord } from '../ports'

export function toSummary(n: NoticeRecord, read: { read: boolean; confirmed: boolean }, now: Date): NoticeSummary {
  return {
    id: n.id,
    title: n.title,
    category: n.category,
    pinned: n.pinned,
    important: n.important,
    gridIds: n.gridIds,
    publishAt: n.publishAt,
    expireAt: n.expireAt,
    state: noticeState(n, now),
    read: read.read,
    confirmed: read.confirmed,
    excerpt: excerptOf(n.body),
  }
}

/** The whole notice for one viewer. authorName is a staff member's name, which is public. */
export function toNotice(n: NoticeRecord, read: NoticeReadRecord | null, canConfirm: boolean, now: Date): Notice {
  return {
    ...toSummary(n, { read: read !== null, confirmed: !!read?.confirmedAt }, now),
    body: n.body,
    authorName: n.authorName,
    confirmedAt: read?.confirmedAt ?? null,
    canConfirm,
  }
}
