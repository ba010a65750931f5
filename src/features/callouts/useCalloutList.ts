import { useCallback, useState } from 'react'
import type { CalloutView } from '@/domain/callouts'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { useRemote } from '../common/useRemote'

/** callout.list: staff see their community's, anyone else those sent to them; open ones first. 加载更多 by cursor. */
export function useCalloutList(userId: string | null) {
  const remote = useRemote<{ items: CalloutView[]; nextCursor: string | null }>(userId ? `callouts:${userId}` : null, () => callApi('callout.list', {}))
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ApiError | null>(null)
  const { data, setData } = remote
  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || loadingMore) return
    setLoadingMore(true)
    setMoreError(null)
    try {
      const next = await callApi('callout.list', { cursor: data.nextCursor })
      setData((prev) => (prev ? { items: [...prev.items, ...next.items], nextCursor: next.nextCursor } : next))
    } catch (e) {
      setMoreError(toApiError(e))
    } finally {
      setLoadingMore(false)
    }
  }, [data, loadingMore, setData])
  return { ...remote, loadMore, loadingMore, moreError }
}
