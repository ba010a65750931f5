import { Text, View } from '@tarojs/components'
import { ListFooter } from '@/components/ListFooter'
import { ListState } from '@/components/ListState'
import type { useReportQueue } from '../useReportQueue'
import { ReportRow } from './ReportRow'
import './StaffScreens.scss'

interface Props {
  list: ReturnType<typeof useReportQueue>
  /** whose queue: 网格 / 社区 / 街道 */
  levelText: string
  onOpen: (id: string) => void
}

/** 待办问题: the handler's queue in the server's order (by deadline), overdue in red with how long. */
export function QueueScreen({ list, levelText, onOpen }: Props) {
  const more = list.hasMore ? '+' : ''
  return (
    <View className='gz-page staff-screen' data-testid='queue-screen'>
      <Text className='staff-screen__intro'>{levelText}待办的问题，按期限先后排列。</Text>
      {list.status === 'ready' ? (
        <View className='staff-counts' data-testid='queue-counts'>
          <View className='staff-counts__item'>
            <Text className='staff-counts__num' data-testid='count-submitted'>
              {list.counts.submitted}
              {more}
            </Text>
            <Text className='staff-counts__label'>待受理</Text>
          </View>
          <View className='staff-counts__item'>
            <Text className='staff-counts__num' data-testid='count-accepted'>
              {list.counts.accepted}
              {more}
            </Text>
            <Text className='staff-counts__label'>处理中</Text>
          </View>
          <View className={`staff-counts__item${list.counts.overdue ? ' staff-counts__item--late' : ''}`}>
            <Text className='staff-counts__num' data-testid='count-overdue'>
              {list.counts.overdue}
              {more}
            </Text>
            <Text className='staff-counts__label'>已逾期</Text>
          </View>
        </View>
      ) : null}
      {list.refreshError ? (
        <View className='gz-banner gz-banner--error' data-testid='refresh-error'>
          <Text>没有刷新成功：{list.refreshError.message}</Text>
        </View>
      ) : null}
      <ListState
        status={list.status}
        error={list.error}
        isEmpty={list.items.length === 0}
        emptyText='没有待办的问题'
        emptyHint='居民上报的新问题会出现在这里。'
        onRetry={() => void list.retry()}
        onRefresh={() => void list.refresh()}
        refreshing={list.refreshing}
      >
        <View className='staff-screen__list' data-testid='queue-list'>
          {list.items.map((r) => (
            <ReportRow key={r.id} report={r} onOpen={onOpen} />
          ))}
        </View>
        <ListFooter list={list} />
      </ListState>
    </View>
  )
}
