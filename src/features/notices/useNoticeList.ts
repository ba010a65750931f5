import { useCallback, useEffect, useRef, useState } from 'react'
import type { NoticeSummary } from '@/domain/notice'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/api-error'
import { onNoticeEvent, type NoticeEvent } from './events'

export const NOTICE_PAGE_SIZE = 20

export type ListStatus = 'loading' | 'ready' | 'error'

export interface NoticeList {
  items: NoticeSummary[]
  status: ListStatus
  /** why the first page failed (status 'error') */
  error: ApiError | null
  refreshing: boolean
  /** a refresh that failed while older items stayed on screen */
  refreshError: ApiError | null
  loadingMore: boolean
  loadMoreError: ApiError | null
  hasMore: boolean
  /** live notices in the caller's scope not yet opened (the server's count, kept current as they open them) */
  unreadCount: number
  /** first page again with the skeleton (after an error) */
  retry: () => Promise<void>
  /** first page again, keeping what is on screen (pull-to-refresh) */
  refresh: () => Promise<void>
  /** the next page by cursor */
  loadMore: () => Promise<void>
}

/** The caller's notices, pinned first then newest (the server's order), paged by cursor. */
export function useNoticeList({ enabled = true, pageSize = NOTICE_PAGE_SIZE } = {}): NoticeList {
  const [items, setItems] = useState<NoticeSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [status, setStatus] = useState<ListStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [refreshing, setRefreshing] = useState(false)
  const [refreshError, setRefreshError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [loadMoreError, setLoadMoreError] = useState<ApiError | null>(null)
  const [unreadCount, setUnreadCount] = useState(0)
  const itemsRef = useRef<NoticeSummary[]>([])
  itemsRef.current = items
  // Every first-page load bumps the generation, so a late page of an older list is dropped.
  const generation = useRef(0)
  const loadingMoreRef = useRef(false)

  const loadFirst = useCallback(
    async (mode: 'initial' | 'refresh') => {
      const gen = ++generation.current
      loadingMoreRef.current = false
      setLoadingMore(false)
      setLoadMoreError(null)
      if (mode === 'initial') {
        setStatus('loading')
        setError(null)
      } else {
        setRefreshing(true)
        setRefreshError(null)
      }
      try {
        const page = await callApi('notice.list', { limit: pageSize })
        if (gen !== generation.current) return
        setItems(page.items)
        setCursor(page.nextCursor)
        setUnreadCount(page.unread)
        setStatus('ready')
        setError(null)
      } catch (e) {
        if (gen !== generation.current) return
        const err = toApiError(e)
        if (mode === 'initial') {
          setError(err)
          setStatus('error')
        } else {
          setRefreshError(err)
        }
      } finally {
        if (gen === generation.current) setRefreshing(false)
      }
    },
    [pageSize],
  )

  useEffect(() => {
    if (!enabled) return
    void loadFirst('initial')
    return () => {
      // a counter, not a DOM node: bumping it drops replies that arrive after unmount
      // eslint-disable-next-line react-hooks/exhaustive-deps
      generation.current++
    }
  }, [enabled, loadFirst])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMoreRef.current) return
    const gen = generation.current
    loadingMoreRef.current = true
    setLoadingMore(true)
    setLoadMoreError(null)
    try {
      const page = await callApi('notice.list', { cursor, limit: pageSize })
      if (gen !== generation.current) return
      setItems((prev) => {
        const seen = new Set(prev.map((n) => n.id))
        return [...prev, ...page.items.filter((n) => !seen.has(n.id))]
      })
      setCursor(page.nextCursor)
      setUnreadCount(page.unread)
    } catch (e) {
      if (gen === generation.current) setLoadMoreError(toApiError(e))
    } finally {
      if (gen === generation.current) {
        loadingMoreRef.current = false
        setLoadingMore(false)
      }
    }
  }, [cursor, pageSize])

  // Reads, confirmations and withdrawals made on other screens.
  useEffect(
    () =>
      onNoticeEvent((e: NoticeEvent) => {
        if (e.type === 'published') {
          void loadFirst('refresh')
          return
        }
        const before = itemsRef.current.find((n) => n.id === e.id)
        if (before && !before.read && before.state === 'live') setUnreadCount((c) => Math.max(0, c - 1))
        setItems((prev) =>
          e.type === 'withdrawn'
            ? prev.filter((n) => n.id !== e.id)
            : prev.map((n) =>
                n.id !== e.id ? n : e.type === 'read' ? { ...n, read: true } : { ...n, read: true, confirmed: true },
              ),
        )
      }),
    [loadFirst],
  )

  const retry = useCallback(() => loadFirst('initial'), [loadFirst])
  const refresh = useCallback(() => loadFirst('refresh'), [loadFirst])

  return {
    items,
    status,
    error,
    refreshing,
    refreshError,
    loadingMore,
    loadMoreError,
    hasMore: cursor !== null,
    unreadCount,
    retry,
    refresh,
    loadMore,
  }
}
