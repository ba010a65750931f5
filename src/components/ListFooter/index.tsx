import { Text, View } from '@tarojs/components'
import { ActionButton } from '../ActionButton'
import './index.scss'

/** What a paged list tells its footer (usePagedList's list fits). */
interface FooterList {
  hasMore: boolean
  loadingMore: boolean
  loadMoreError: { message: string } | null
  loadMore: () => unknown
  refreshError?: { message: string } | null
}

/**
 * The end of a paged list: 加载更多 (重新加载 after a failure, with what went wrong), or that nothing more
 * follows. `showRefreshError` for screens that have no banner of their own for a failed refresh.
 */
export function ListFooter({ list, endText = '没有更多了', showRefreshError = false }: { list: FooterList; endText?: string; showRefreshError?: boolean }) {
  return (
    <View className='gz-list-footer'>
      {showRefreshError && list.refreshError ? <Text className='gz-list-footer__error'>没有刷新成功：{list.refreshError.message}</Text> : null}
      {list.loadMoreError ? <Text className='gz-list-footer__error'>没有加载出来：{list.loadMoreError.message}</Text> : null}
      {list.hasMore ? (
        <ActionButton kind='secondary' block loading={list.loadingMore} loadingText='正在加载…' testid='load-more' onClick={() => void list.loadMore()}>
          {list.loadMoreError ? '重新加载' : '加载更多'}
        </ActionButton>
      ) : (
        <Text className='gz-muted'>{endText}</Text>
      )}
    </View>
  )
}
