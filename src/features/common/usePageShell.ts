import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'

/**
 * Runs `onShownAgain` when the page is shown again (back from another page or tab, or the app from the
 * background), never on its first show. With `staleAfterMs`: only when it was last shown (or opened)
 * longer ago than that.
 */
export function useShownAgain(onShownAgain: () => void, staleAfterMs?: number): void {
  // null until the first show; with staleAfterMs, counted from when the page was opened
  const lastShown = useRef<number | null>(staleAfterMs === undefined ? null : Date.now())
  useDidShow(() => {
    const now = Date.now()
    const last = lastShown.current
    lastShown.current = now
    if (last !== null && (staleAfterMs === undefined || now - last > staleAfterMs)) onShownAgain()
  })
}

/** Pull-down runs `refresh`; the spinner stops when it is done. */
export function usePullToRefresh(refresh: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}

/**
 * A list page's shell: a quiet `refresh` when shown again (see useShownAgain) and on pull-down,
 * `loadMore` at the bottom.
 */
export function usePageShell({
  refresh,
  loadMore,
  staleAfterMs,
}: {
  refresh: () => Promise<unknown>
  loadMore: () => Promise<unknown>
  staleAfterMs?: number
}): void {
  useShownAgain(() => void refresh(), staleAfterMs)
  usePullToRefresh(refresh)
  useReachBottom(() => {
    void loadMore()
  })
}
