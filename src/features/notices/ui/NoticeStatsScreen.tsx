import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ListState } from '@/components/ListState'
import { StatBar, percentOf } from '@/components/StatBar'
import type { useNoticeStats } from '../useNoticeStats'
import './NoticeStatsScreen.scss'

interface Props {
  title: string
  stats: ReturnType<typeof useNoticeStats>
  missingId: boolean
}

/** Audience, read and confirmed — overall and per grid, as bars with their figures. */
export function NoticeStatsScreen({ title, stats, missingId }: Props) {
  const s = stats.stats
  return (
    <View className='gz-page notice-stats'>
      {title ? (
        <View className='notice-stats__heading'>
          <Text className='notice-stats__label'>阅读与确认统计</Text>
          <Text className='notice-stats__title' data-testid='stats-title'>
            {title}
          </Text>
        </View>
      ) : null}
      <ListState
        status={missingId ? 'error' : stats.status}
        error={missingId ? { message: '没有找到这条通知' } : stats.error}
        isEmpty={!s}
        emptyText='还没有统计数据'
        onRetry={() => void stats.reload()}
        skeletonRows={2}
      >
        {s ? (
          <>
            <View className='notice-stats__totals' data-testid='stats-totals'>
              <Total label='应读' value={s.audience} sub='范围内居民' testid='stats-audience' />
              <Total label='已读' value={s.read} sub={`占 ${percentOf(s.read, s.audience)}%`} testid='stats-read' />
              <Total
                label='已确认'
                value={s.confirmed}
                sub={`占 ${percentOf(s.confirmed, s.audience)}%`}
                testid='stats-confirmed'
              />
            </View>
            <Card title='发布范围内合计'>
              <StatBar label='已读' value={s.read} total={s.audience} testid='stats-bar-read' />
              <StatBar label='已确认知晓' value={s.confirmed} total={s.audience} tone='green' testid='stats-bar-confirmed' />
            </Card>
            <Card title='各网格情况'>
              {s.byGrid.length === 0 ? (
                <Text className='gz-muted'>这条通知的范围内还没有住户。</Text>
              ) : (
                s.byGrid.map((g) => (
                  <View key={g.gridId} className='notice-stats__grid' data-testid='stats-grid-row' data-grid={g.gridId}>
                    <View className='notice-stats__grid-head'>
                      <Text className='notice-stats__grid-name'>{g.gridName}</Text>
                      <Text className='gz-muted'>应读 {g.audience} 人</Text>
                    </View>
                    <StatBar label='已读' value={g.read} total={g.audience} />
                    <StatBar label='已确认' value={g.confirmed} total={g.audience} tone='green' />
                  </View>
                ))
              )}
            </Card>
            {stats.error ? (
              <View className='gz-banner gz-banner--error' data-testid='stats-refresh-error'>
                <Text>没有刷新成功：{stats.error.message}。下面是上次的数据。</Text>
              </View>
            ) : null}
            <ActionButton
              kind='plain'
              loading={stats.refreshing}
              loadingText='正在刷新…'
              testid='stats-refresh'
              onClick={() => void stats.reload({ silent: true })}
            >
              刷新数据
            </ActionButton>
          </>
        ) : null}
      </ListState>
    </View>
  )
}

function Total({ label, value, sub, testid }: { label: string; value: number; sub: string; testid: string }) {
  return (
    <View className='notice-stats__total' data-testid={testid}>
      <Text className='notice-stats__total-label'>{label}</Text>
      <Text className='notice-stats__total-value'>
        {value}
        <Text className='notice-stats__total-unit'> 人</Text>
      </Text>
      <Text className='notice-stats__total-sub'>{sub}</Text>
    </View>
  )
}
