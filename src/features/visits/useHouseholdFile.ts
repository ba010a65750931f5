import { useCallback, useState } from 'react'
import type { FollowUpKind, VisitListPage, VisitView } from '@/domain/visits'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'

/**
 * One household's 走访档案: its visits newest first (paged) and its follow-up mark, which staff set, change or clear
 * here. Every load is a read of personal data the server records in its audit log.
 */
export function useHouseholdFile(householdId: string) {
  const [more, setMore] = useState<VisitView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ApiError | null>(null)
  const remote = useRemote<VisitListPage>(`visit-file:${householdId}`, async () => {
    const page = await callApi('visit.list', { householdId, limit: 20 })
    setMore([])
    setCursor(page.nextCursor)
    return page
  })
  const marker = useSubmit((m: { kind: FollowUpKind; reason: string; everyDays: number }, requestId: string) =>
    callApi('visit.markFollowUp', { householdId, ...m }, { requestId }),
  )
  const clearer = useSubmit((_: null, requestId: string) => callApi('visit.clearFollowUp', { householdId }, { requestId }))
  const { setData } = remote

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await callApi('visit.list', { householdId, limit: 20, cursor })
      setMore((m) => [...m, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      setMoreError(toApiError(e))
    } finally {
      setLoadingMore(false)
    }
  }, [cursor, loadingMore, householdId])

  const mark = useCallback(
    async (m: { kind: FollowUpKind; reason: string; everyDays: number }) => {
      const r = await marker.submit(m)
      if (r.ok) setData((d) => (d ? { ...d, followUp: r.data } : d))
      return r
    },
    [marker, setData],
  )
  const clear = useCallback(async () => {
    const r = await clearer.submit(null)
    if (r.ok) setData((d) => (d ? { ...d, followUp: null } : d))
    return r.ok
  }, [clearer, setData])

  const visits = remote.data ? [...remote.data.items, ...more] : []
  return {
    ...remote,
    visits,
    followUp: remote.data?.followUp ?? null,
    hasMore: cursor !== null,
    loadMore,
    loadingMore,
    moreError,
    mark,
    marking: marker.submitting,
    markError: marker.error,
    clear,
    clearing: clearer.submitting,
    clearError: clearer.error,
  }
}
