import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { ListState } from '@/components/ListState'
import type { ReportSummary } from '@/domain/reports'
import type { PagedList } from '../../common/usePagedList'
import { ReportCard } from './ReportCard'
import { More } from './ReportHome'

/** 我的上报: newest first, each with its status in words; tap for the whole timeline. */
export function MyReports({ list, onOpen, onNew }: { list: PagedList<ReportSummary>; onOpen: (id: string) => void; onNew: () => void }) {
  return (
    <View className='gz-page' data-testid='my-reports'>
      {list.refreshError ? (
        <View className='gz-banner gz-banner--error'>
          <Text>刷新没有成功：{list.refreshError.message}</Text>
        </View>
      ) : null}
      <ListState
        status={list.status}
        error={list.error}
        isEmpty={list.items.length === 0}
        emptyText='您还没有上报过问题'
        emptyHint='看到身边的问题，随手拍一下，工作人员会处理'
        emptyAction={
          <ActionButton kind='primary' testid='mine-new' onClick={onNew}>
            去随手拍
          </ActionButton>
        }
        onRetry={() => void list.retry()}
      >
        <View data-testid='mine-list'>
          {list.items.map((r) => (
            <ReportCard key={r.id} report={r} onOpen={onOpen} />
          ))}
        </View>
        <More list={list} />
      </ListState>
    </View>
  )
}
