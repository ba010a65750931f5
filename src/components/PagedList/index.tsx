import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ListFooter } from '../ListFooter'
import { ListState } from '../ListState'

/** What a paged list tells its screen (usePagedList's list fits). */
interface PagedListData {
  items: readonly unknown[]
  status: 'loading' | 'ready' | 'error'
  error: { message: string } | null
  refreshing: boolean
  refreshError: { message: string } | null
  loadingMore: boolean
  loadMoreError: { message: string } | null
  hasMore: boolean
  retry: () => unknown
  refresh: () => unknown
  loadMore: () => unknown
}

interface PagedListProps {
  list: PagedListData
  emptyText: string
  emptyHint?: string
  /** replaces the 刷新 button under the empty line */
  emptyAction?: ReactNode
  /** the usual 刷新 button under the empty line */
  refreshWhenEmpty?: boolean
  /** by default: no items */
  isEmpty?: boolean
  skeletonRows?: number
  /** how a failed refresh (the older items stay) is told: a banner above the list, a line in the footer, or not at all */
  refreshError?: 'banner' | 'footer' | 'none'
  /** the banner's first words */
  refreshErrorLead?: string
  /** the banner's testid; null for none */
  refreshErrorTestid?: string | null
  /** replaces the usual footer (加载更多 / 没有更多了) */
  footer?: ReactNode
  /** the usual footer's last line */
  endText?: string
  /** the items */
  children: ReactNode
}

/** A paged list's screen part: loading, error with 重试, the empty line, or the items with their footer; a failed refresh said above or below. */
export function PagedList({
  list,
  emptyText,
  emptyHint,
  emptyAction,
  refreshWhenEmpty = false,
  isEmpty = list.items.length === 0,
  skeletonRows,
  refreshError = 'banner',
  refreshErrorLead = '没有刷新成功',
  refreshErrorTestid = 'refresh-error',
  footer,
  endText,
  children,
}: PagedListProps) {
  return (
    <>
      {refreshError === 'banner' && list.refreshError ? (
        <View className='gz-banner gz-banner--error' data-testid={refreshErrorTestid ?? undefined}>
          <Text>
            {`${refreshErrorLead}：`}
            {list.refreshError.message}
          </Text>
        </View>
      ) : null}
      <ListState
        status={list.status}
        error={list.error}
        isEmpty={isEmpty}
        emptyText={emptyText}
        emptyHint={emptyHint}
        emptyAction={emptyAction}
        onRefresh={refreshWhenEmpty ? () => void list.refresh() : undefined}
        refreshing={list.refreshing}
        onRetry={() => void list.retry()}
        skeletonRows={skeletonRows}
      >
        {children}
        {footer ?? <ListFooter list={list} endText={endText} showRefreshError={refreshError === 'footer'} />}
      </ListState>
    </>
  )
}
