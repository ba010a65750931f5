import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from '@/services/apiError'

export type RemoteStatus = 'loading' | 'ready' | 'error'

export interface Remote<T> {
  data: T | null
  status: RemoteStatus
  /** a silent reload is running (the data stays on screen) */
  refreshing: boolean
  error: ApiError | null
  /** Load again; with `silent` the current data stays on screen while it loads. */
  reload: (opts?: { silent?: boolean }) => Promise<void>
  setData: (update: (prev: T | null) => T | null) => void
}

/**
 * Load one thing when `key` changes (null = nothing to load yet).
 * Stale replies (an older key, an unmounted component) are dropped.
 */
export function useRemote<T>(key: string | null, load: () => Promise<T>): Remote<T> {
  const [data, setDataState] = useState<T | null>(null)
  const [status, setStatus] = useState<RemoteStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [refreshing, setRefreshing] = useState(false)
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)

  const run = useCallback(async (silent: boolean) => {
    const mine = ++seq.current
    if (!silent) setStatus('loading')
    else setRefreshing(true)
    setError(null)
    try {
      const result = await loadRef.current()
      if (mine !== seq.current) return
      setDataState(result)
      setStatus('ready')
    } catch (e) {
      if (mine !== seq.current) return
      setError(toApiError(e))
      if (!silent) setStatus('error')
    } finally {
      if (mine === seq.current) setRefreshing(false)
    }
  }, [])

  useEffect(() => {
    if (key === null) return
    void run(false)
    return () => {
      // a counter, not a DOM node: bumping it drops replies that arrive after unmount
      // eslint-disable-next-line react-hooks/exhaustive-deps
      seq.current++
    }
  }, [key, run])

  const reload = useCallback((opts?: { silent?: boolean }) => run(!!opts?.silent), [run])
  const setData = useCallback((update: (prev: T | null) => T | null) => setDataState(update), [])

  return { data, status, refreshing, error, reload, setData }
}
