import { useCallback, useState } from 'react'
import type { PendingHousehold, VisitCoverage } from '@/domain/visits'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { useRemote } from '../common/useRemote'

const PAGE = 20

/**
 * A grid worker's 走访 list: the follow-ups due (most overdue first) and the households not visited yet this
 * period (never visited first, then the oldest visit), paged; both from visit.coverage over their own grids.
 */
export function useVisitWork(userId: string, gridId?: string) {
  const [more, setMore] = useState<PendingHousehold[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ApiError | null>(null)
  const remote = useRemote<VisitCoverage>(`visits:${userId}:${gridId ?? ''}`, async () => {
    const c = await callApi('visit.coverage', { limit: PAGE, ...(gridId ? { gridId } : {}) })
    setMore([])
    setCursor(c.pending.nextCursor)
    return c
  })

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    setMoreError(null)
    try {
      const c = await callApi('visit.coverage', { limit: PAGE, cursor, ...(gridId ? { gridId } : {}) })
      setMore((m) => [...m, ...c.pending.items])
      setCursor(c.pending.nextCursor)
    } catch (e) {
      setMoreError(toApiError(e))
    } finally {
      setLoadingMore(false)
    }
  }, [cursor, loadingMore, gridId])

  const pending = remote.data ? [...remote.data.pending.items, ...more] : []
  return { ...remote, pending, hasMore: cursor !== null, loadMore, loadingMore, moreError }
}

/** How many follow-ups are overdue in the caller's area (the desk's 走访 figure). */
export async function countDueFollowUps(): Promise<number> {
  const c = await callApi('visit.coverage', { limit: 1 })
  return c.followUpsDue.length
}
