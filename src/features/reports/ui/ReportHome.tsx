import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { LinkRow } from '@/components/LinkRow'
import { PagedList } from '@/components/PagedList'
import { REPORT_CATEGORIES, REPORT_CATEGORY_HINTS, REPORT_CATEGORY_LABELS, type ReportCategory, type ReportFigures } from '@/domain/reports'
import type { Remote } from '../../common/useRemote'
import type { useReportList } from '../useReportList'
import { CategoryIcon } from './CategoryIcon'
import { ReportCard } from './ReportCard'
import './ReportHome.scss'

const TILE_COLOURS: Record<ReportCategory, string> = {
  dispute: '#6b3fa0',
  public_security: '#b42318',
  safety_hazard: '#b42318',
  environment: '#1a7335',
  facility: '#8a5300',
  livelihood: '#1e5bb8',
  other: '#4a5361',
}

interface ReportHomeProps {
  staff: boolean
  list: ReturnType<typeof useReportList>
  counts: Remote<ReportFigures>
  onNew: (category: ReportCategory) => void
  onOpen: (id: string) => void
  onMine: () => void
  onQueue: () => void
  /** what the 我的待办 card says instead of the queue figures (a department's 交办队列) */
  staffText?: string
}

/** 随手拍: pick what kind of problem (big tiles), my reports, staff's 待办, and the community's public reports. */
export function ReportHome({ staff, list, counts, onNew, onOpen, onMine, onQueue, staffText }: ReportHomeProps) {
  const c = counts.data
  return (
    <View className='gz-page report-home' data-testid='report-home'>
      {staff ? (
        <View className='report-home__staff' role='link' hoverClass='report-home__staff--pressed' data-testid='staff-card' onClick={onQueue}>
          <View className='report-home__staff-text'>
            <Text className='report-home__staff-title'>我的待办</Text>
            <Text className='report-home__staff-figures' data-testid='staff-figures'>
              {staffText ?? (c?.queue ? queueFigures(c.queue) : counts.status === 'error' ? '没有加载出来，点这里查看' : '正在统计…')}
            </Text>
          </View>
          <Text className='report-home__go' aria-hidden='true'>
            ›
          </Text>
        </View>
      ) : null}

      <View className='report-home__intro'>
        <Text className='report-home__title'>随手拍，反映身边的问题</Text>
        <Text className='report-home__sub'>选一类开始，工作人员当天受理</Text>
      </View>
      <View className='report-home__tiles'>
        {REPORT_CATEGORIES.map((cat) => (
          <View
            key={cat}
            className='report-home__tile'
            hoverClass='report-home__tile--pressed'
            role='button'
            data-testid={`tile-${cat}`}
            onClick={() => onNew(cat)}
          >
            <View className='report-home__tile-head'>
              <CategoryIcon category={cat} color={TILE_COLOURS[cat]} />
              <Text className='report-home__tile-name'>{REPORT_CATEGORY_LABELS[cat]}</Text>
            </View>
            <Text className='report-home__tile-hint'>{REPORT_CATEGORY_HINTS[cat]}</Text>
          </View>
        ))}
      </View>

      <View className='report-home__card'>
        <LinkRow
          label='我的上报'
          hint={mineHint(c)}
          testid='link-mine'
          onClick={onMine}
        />
      </View>

      <Text className='report-home__section'>社区公开的问题</Text>
      <PagedList
        list={list}
        refreshErrorLead='刷新没有成功'
        refreshErrorTestid={null}
        emptyText='社区里暂时没有公开的问题'
        emptyHint='看到问题，点上面的类别随手拍一下'
        footer={<More list={list} />}
      >
        <View data-testid='public-list'>
          {list.items.map((r) => (
            <ReportCard key={r.id} report={r} onOpen={onOpen} />
          ))}
        </View>
      </PagedList>
    </View>
  )
}

/** 待办 3 件，其中 1 件已逾期: the queue's rows, and how many of them are overdue (the same figures the queue shows). */
export function queueFigures(q: NonNullable<ReportFigures['queue']>): string {
  if (q.total === 0) return '没有待办的问题'
  return q.overdue > 0 ? `待办 ${q.total} 件，其中 ${q.overdue} 件已逾期` : `待办 ${q.total} 件，没有逾期`
}

/** 我的上报's line: how many of my reports are still being handled (the page shows the same figures). */
export function mineHint(c: ReportFigures | null): string {
  if (!c || c.mine.total === 0) return '看进度、评价处理结果'
  return c.mine.open > 0 ? `${c.mine.open} 件正在处理，共 ${c.mine.total} 件` : `共 ${c.mine.total} 件，都已处理完`
}

/** Load more: automatic at the bottom, and a button for when that fails. */
export function More({ list }: { list: ReturnType<typeof useReportList> }) {
  if (list.loadMoreError) {
    return (
      <View className='report-home__more' data-testid='load-more-error'>
        <Text className='gz-muted'>没有加载出来：{list.loadMoreError.message}</Text>
        <ActionButton kind='secondary' onClick={() => void list.loadMore()}>
          再试一次
        </ActionButton>
      </View>
    )
  }
  if (list.hasMore) {
    return (
      <View className='report-home__more'>
        <ActionButton kind='plain' loading={list.loadingMore} loadingText='正在加载…' testid='load-more' onClick={() => void list.loadMore()}>
          加载更多
        </ActionButton>
      </View>
    )
  }
  return list.items.length > 5 ? <Text className='gz-muted report-home__end'>没有更多了</Text> : null
}
