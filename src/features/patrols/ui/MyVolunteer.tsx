import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import type { ShiftView } from '@/domain/patrols'
import { hoursFigure, monthText, myStatusTag, shiftMonth, whenText } from '../format'
import { COMING_LIMIT, PAST_LIMIT, type useVolunteer } from '../useVolunteer'
import './MyVolunteer.scss'

interface Props {
  v: ReturnType<typeof useVolunteer>
  onOpen: (id: string) => void
}

/** 我的志愿: hours this month and in total (patrols and call-outs), shifts done, call-outs attended, no-shows; my shifts coming and past; the monthly board. */
export function MyVolunteer({ v, onOpen }: Props) {
  const { stats, mine } = v
  return (
    <View className='gz-page my-volunteer' data-testid='my-volunteer'>
      <Card title='我的服务'>
        <ListState status={stats.data ? 'ready' : stats.status} error={stats.error} isEmpty={false} emptyText='' skeletonRows={1} onRetry={() => void stats.reload()}>
          {stats.data ? (
            <View className='my-volunteer__figures' data-testid='volunteer-stats'>
              <Figure label='本月时长' value={hoursFigure(stats.data.hoursThisMonth)} unit='小时' testid='stat-month' />
              <Figure label='累计时长' value={hoursFigure(stats.data.hoursTotal)} unit='小时' testid='stat-total' />
              <Figure label='完成班次' value={String(stats.data.shiftsDone)} unit='次' testid='stat-done' />
              <Figure label='参加动员' value={String(stats.data.calloutsDone)} unit='次' testid='stat-callouts' />
              <Figure label='缺席' value={String(stats.data.noShows)} unit='次' testid='stat-noshow' tone={stats.data.noShows ? 'red' : undefined} />
            </View>
          ) : null}
        </ListState>
      </Card>

      <Card title='我报名的班次'>
        <ListState
          status={mine.data ? 'ready' : mine.status}
          error={mine.error}
          isEmpty={!!mine.data && mine.data.coming.length === 0 && mine.data.past.length === 0}
          emptyText='还没有报名过巡逻'
          emptyHint='在“巡逻”页选一个班次报名'
          skeletonRows={2}
          onRetry={() => void mine.reload()}
        >
          {mine.data ? (
            <View data-testid='my-shifts'>
              <Text className='my-volunteer__section'>将要参加（{mine.data.coming.length}）</Text>
              {mine.data.coming.length === 0 ? <Text className='gz-muted'>没有将要参加的班次</Text> : null}
              {mine.data.coming.map((s) => (
                <MineRow key={s.id} shift={s} onOpen={onOpen} />
              ))}
              {mine.data.moreComing ? (
                <Text className='gz-muted' data-testid='mine-more-coming'>
                  {`只显示了最近的 ${COMING_LIMIT} 个将要参加的班次`}
                </Text>
              ) : null}
              <Text className='my-volunteer__section'>参加过的（{mine.data.past.length}）</Text>
              {mine.data.past.length === 0 ? <Text className='gz-muted'>还没有参加过的班次</Text> : null}
              {mine.data.past.map((s) => (
                <MineRow key={s.id} shift={s} onOpen={onOpen} />
              ))}
              {mine.data.morePast ? (
                <Text className='gz-muted' data-testid='mine-more-past'>
                  {`只显示了最近参加的 ${PAST_LIMIT} 个班次`}
                </Text>
              ) : null}
            </View>
          ) : null}
        </ListState>
      </Card>

      <Board v={v} />
    </View>
  )
}

function Figure({ label, value, unit, testid, tone }: { label: string; value: string; unit: string; testid: string; tone?: 'red' }) {
  return (
    <View className='my-volunteer__figure' data-testid={testid}>
      <Text className={`my-volunteer__value${tone ? ` my-volunteer__value--${tone}` : ''}`} data-testid={`${testid}-value`}>
        {value}
      </Text>
      <Text className='my-volunteer__unit'>{unit}</Text>
      <Text className='my-volunteer__label'>{label}</Text>
    </View>
  )
}

function MineRow({ shift: s, onOpen }: { shift: ShiftView; onOpen: (id: string) => void }) {
  const tag = s.status === 'cancelled' ? { text: '已取消', tone: 'grey' as const } : myStatusTag(s)
  return (
    <View className='my-volunteer__row' hoverClass='my-volunteer__row--pressed' role='link' data-testid='my-shift' data-id={s.id} onClick={() => onOpen(s.id)}>
      <View className='my-volunteer__row-text'>
        <Text className='my-volunteer__row-title'>{s.title}</Text>
        <Text className='gz-muted'>{whenText(s)}</Text>
      </View>
      {tag ? (
        <Tag tone={tag.tone} testid='my-shift-status'>
          {tag.text}
        </Tag>
      ) : null}
    </View>
  )
}

function Board({ v }: { v: Props['v'] }) {
  const { board, month, currentMonth } = v
  if (!month) return null
  const rows = board.data?.rows ?? []
  const atCurrent = currentMonth !== null && month >= currentMonth
  return (
    <Card title='社区志愿时长榜' testid='volunteer-board'>
      <View className='my-volunteer__months'>
        <ActionButton kind='secondary' testid='board-prev' onClick={() => v.setMonth(shiftMonth(month, -1))}>
          ‹ 上月
        </ActionButton>
        <Text className='my-volunteer__month' data-testid='board-month'>
          {monthText(month)}
        </Text>
        <ActionButton kind='secondary' disabled={atCurrent} testid='board-next' onClick={() => v.setMonth(shiftMonth(month, 1))}>
          下月 ›
        </ActionButton>
      </View>
      <ListState
        status={board.data && board.data.month === month ? 'ready' : board.status}
        error={board.error}
        isEmpty={rows.length === 0}
        emptyText='这个月还没有志愿服务时长'
        skeletonRows={2}
        onRetry={() => void board.reload()}
      >
        <View data-testid='board-rows'>
          {rows.map((r) => (
            <View key={`${r.rank}-${r.name}`} className={`my-volunteer__board-row${r.me ? ' my-volunteer__board-row--me' : ''}`} data-testid='board-row' data-me={r.me ? 'true' : 'false'}>
              <Text className='my-volunteer__rank'>{r.rank}</Text>
              <Text className='my-volunteer__board-name' data-testid='board-name'>
                {r.name}
                {r.me ? '（我）' : ''}
              </Text>
              <Text className='my-volunteer__board-hours' data-testid='board-hours'>
                {hoursFigure(r.hours)} 小时 · {r.shifts} 次
              </Text>
            </View>
          ))}
        </View>
        <Text className='gz-muted'>为保护隐私，其他志愿者的名字只显示部分。</Text>
      </ListState>
    </Card>
  )
}
