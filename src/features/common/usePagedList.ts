import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@/domain/shared/text'
import { toApiError, type ApiError } from '@/services/apiError'

export type ListStatus = 'loading' | 'ready' | 'error'

export interface PagedList<T> {
  items: T[]
  status: ListStatus
  /** why the first page failed (status 'error') */
  error: ApiError | null
  refreshing: boolean
  /** a refresh that failed while the older items stayed on screen */
  refreshError: ApiError | null
  loadingMore: boolean
  loadMoreError: ApiError | null
  hasMore: boolean
  /** first page again with the skeleton (after an error) */
  retry: () => Promise<void>
  /** first page again, keeping what is on screen */
  refresh: () => Promise<void>
  /** the next page by cursor */
  loadMore: () => Promise<void>
  /** change one item in place (after an action on it) */
  update: (id: string, change: (item: T) => T) => void
  /** take one item out (it no longer matches the filter) */
  remove: (id: string) => void
}

/**
 * A cursor-paged list (DESIGN §4: `{ items, nextCursor }`). `key` names the filter: when it changes
 * the list starts again from the first page; null = nothing to load yet. Late replies of an older
 * filter are dropped. `onPage` sees every page the list takes (not the dropped ones), for fields a
 * page carries beside its items.
 */
export function usePagedList<T extends { id: string }, P extends Page<T> = Page<T>>(
  key: string | null,
  fetchPage: (cursor: string | undefined) => Promise<P>,
  onPage?: (page: P) => void,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [status, setStatus] = useState<ListStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [refreshing, setRefreshing] = useState(false)
  const [refreshError, setRefreshError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [loadMoreError, setLoadMoreError] = useState<ApiError | null>(null)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const onPageRef = useRef(onPage)
  onPageRef.current = onPage
  const generation = useRef(0)
  const loadingMoreRef = useRef(false)

  const loadFirst = useCallback(async (mode: 'initial' | 'refresh') => {
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
      const page = await fetchRef.current(undefined)
      if (gen !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      onPageRef.current?.(page)
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
  }, [])

  useEffect(() => {
    if (key === null) return
    void loadFirst('initial')
    return () => {
      // a counter, not a DOM node: bumping it drops replies that arrive after the filter changed
      // eslint-disable-next-line react-hooks/exhaustive-deps
      generation.current++
    }
  }, [key, loadFirst])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMoreRef.current) return
    const gen = generation.current
    loadingMoreRef.current = true
    setLoadingMore(true)
    setLoadMoreError(null)
    try {
      const page = await fetchRef.current(cursor)
      if (gen !== generation.current) return
      setItems((prev) => {
        const seen = new Set(prev.map((n) => n.id))
        return [...prev, ...page.items.filter((n) => !seen.has(n.id))]
      })
      setCursor(page.nextCursor)
      onPageRef.current?.(page)
    } catch (e) {
      if (gen === generation.current) setLoadMoreError(toApiError(e))
    } finally {
      if (gen === generation.current) {
        loadingMoreRef.current = false
        setLoadingMore(false)
      }
    }
  }, [cursor])

  const retry = useCallback(() => loadFirst('initial'), [loadFirst])
  const refresh = useCallback(() => loadFirst('refresh'), [loadFirst])
  const update = useCallback((id: string, change: (item: T) => T) => {
    setItems((prev) => prev.map((it) => (it.id === id ? change(it) : it)))
  }, [])
  const remove = useCallback((id: string) => {
    setItems((prev) => prev.filter((it) => it.id !== id))
  }, [])

  return {
    items,
    status,
    error,
    refreshing,
    refreshError,
    loadingMore,
    loadMoreError,
    hasMore: cursor !== null,
    retry,
    refresh,
    loadMore,
    update,
    remove,
  }
}
