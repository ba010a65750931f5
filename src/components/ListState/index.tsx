import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../ActionButton'
import './index.scss'

interface ListStateProps {
  status: 'loading' | 'ready' | 'error'
  error?: { message: string } | null
  isEmpty: boolean
  /** one friendly line for an empty list */
  emptyText: string
  emptyHint?: string
  /** e.g. a 刷新 button under the empty line */
  emptyAction?: ReactNode
  /** the usual 刷新 button under the empty line (when there is no other emptyAction) */
  onRefresh?: () => void
  refreshing?: boolean
  onRetry: () => void
  skeletonRows?: number
  children?: ReactNode
}

/** Loading (skeleton rows), error (message + 重试), empty (a friendly line), or the list itself. */
export function ListState({
  status,
  error,
  isEmpty,
  emptyText,
  emptyHint,
  emptyAction,
  onRefresh,
  refreshing = false,
  onRetry,
  skeletonRows = 3,
  children,
}: ListStateProps) {
  if (status === 'loading') {
    return (
      <View className='gz-list-state' data-testid='list-loading' aria-busy='true' aria-label='正在加载'>
        {Array.from({ length: skeletonRows }, (_, i) => (
          <View key={i} className='gz-skeleton'>
            <View className='gz-skeleton__line gz-skeleton__line--short' />
            <View className='gz-skeleton__line' />
            <View className='gz-skeleton__line gz-skeleton__line--mid' />
          </View>
        ))}
        <Text className='gz-list-state__sr'>正在加载…</Text>
      </View>
    )
  }
  if (status === 'error') {
    return (
      <View className='gz-list-state gz-list-state--message' data-testid='list-error'>
        <Text className='gz-list-state__title'>没有加载出来</Text>
        <Text className='gz-list-state__text'>{error?.message || '网络不好，请稍后重试'}</Text>
        <ActionButton kind='secondary' testid='list-retry' onClick={onRetry}>
          重试
        </ActionButton>
      </View>
    )
  }
  if (isEmpty) {
    return (
      <View className='gz-list-state gz-list-state--message' data-testid='list-empty'>
        <Text className='gz-list-state__title'>{emptyText}</Text>
        {emptyHint ? <Text className='gz-list-state__text'>{emptyHint}</Text> : null}
        {emptyAction ??
          (onRefresh ? (
            <ActionButton kind='secondary' loading={refreshing} loadingText='正在刷新…' testid='refresh-empty' onClick={onRefresh}>
              刷新
            </ActionButton>
          ) : null)}
      </View>
    )
  }
  return <>{children}</>
}
