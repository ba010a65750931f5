import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { PagedList } from '@/components/PagedList'
import type { ReportFigures } from '@/domain/reports'
import type { Remote } from '../../common/useRemote'
import type { useReportList } from '../useReportList'
import { ReportCard } from './ReportCard'
import { More } from './ReportHome'

/** 共 5 件，2 件正在处理: the whole list's figures (report.counts), the same the 随手拍 tab shows. */
export function mineFigures(m: ReportFigures['mine']): string {
  return m.open > 0 ? `共 ${m.total} 件，${m.open} 件正在处理` : `共 ${m.total} 件，都已处理完`
}

/** 我的上报: newest first, each with its status in words; tap for the whole timeline. */
export function MyReports({
  list,
  figures,
  onOpen,
  onNew,
}: {
  list: ReturnType<typeof useReportList>
  figures: Remote<ReportFigures>
  onOpen: (id: string) => void
  onNew: () => void
}) {
  const mine = figures.data?.mine
  return (
    <View className='gz-page' data-testid='my-reports'>
      {mine && mine.total > 0 ? (
        <Text className='gz-muted my-reports__figures' data-testid='mine-figures'>
          {mineFigures(mine)}
        </Text>
      ) : null}
      <PagedList
        list={list}
        refreshErrorLead='刷新没有成功'
        refreshErrorTestid={null}
        emptyText='您还没有上报过问题'
        emptyHint='看到身边的问题，随手拍一下，工作人员会处理'
        emptyAction={
          <ActionButton kind='primary' testid='mine-new' onClick={onNew}>
            去随手拍
          </ActionButton>
        }
        footer={<More list={list} />}
      >
        <View data-testid='mine-list'>
          {list.items.map((r) => (
            <ReportCard key={r.id} report={r} onOpen={onOpen} />
          ))}
        </View>
      </PagedList>
    </View>
  )
}
