import { useEffect, useRef, useState } from 'react'
import type { NoticeListPage, NoticeSummary } from '@/domain/notices'
import { callApi } from '@/services/api'
import { usePagedList, type ListStatus, type PagedList } from '../common/usePagedList'
import { onNoticeEvent, type NoticeEvent } from './events'

export const NOTICE_PAGE_SIZE = 20

export type { ListStatus }

/** The paged list (items, status, errors, retry/refresh/loadMore) with the unread count beside it. */
export interface NoticeList extends Omit<PagedList<NoticeSummary>, 'update' | 'remove'> {
  /** the list's notices unread to the caller (the server's count, kept current as they open them) */
  unreadCount: number
}

/** The caller's notices, pinned first then newest (the server's order), paged by cursor. */
export function useNoticeList({ enabled = true, pageSize = NOTICE_PAGE_SIZE } = {}): NoticeList {
  const [unreadCount, setUnreadCount] = useState(0)
  // usePagedList drops late pages of an older list (a new first page, or unmount), so the count
  // is only taken from pages the list keeps.
  const list = usePagedList<NoticeSummary, NoticeListPage>(
    enabled ? `notices:${pageSize}` : null,
    (cursor) => callApi('notice.list', cursor ? { cursor, limit: pageSize } : { limit: pageSize }),
    (page) => setUnreadCount(page.unread),
  )
  const itemsRef = useRef<NoticeSummary[]>([])
  itemsRef.current = list.items
  const { refresh, update, remove } = list

  // Reads, confirmations and withdrawals made on other screens.
  useEffect(
    () =>
      onNoticeEvent((e: NoticeEvent) => {
        if (e.type === 'published') {
          void refresh()
          return
        }
        const before = itemsRef.current.find((n) => n.id === e.id)
        if (before?.unread) setUnreadCount((c) => Math.max(0, c - 1))
        if (e.type === 'withdrawn') remove(e.id)
        else update(e.id, (n) => (e.type === 'read' ? { ...n, read: true, unread: false } : { ...n, read: true, unread: false, confirmed: true }))
      }),
    [refresh, update, remove],
  )

  return {
    items: list.items,
    status: list.status,
    error: list.error,
    refreshing: list.refreshing,
    refreshError: list.refreshError,
    loadingMore: list.loadingMore,
    loadMoreError: list.loadMoreError,
    hasMore: list.hasMore,
    unreadCount,
    retry: list.retry,
    refresh: list.refresh,
    loadMore: list.loadMore,
  }
}
