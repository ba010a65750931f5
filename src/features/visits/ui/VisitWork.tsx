import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { FOLLOW_UP_KIND_LABELS } from '@/domain/visits'
import { useVisitWork } from '../useVisitWork'
import { dayText, dueText, lastVisitText } from '../format'
import '../../../components/workspace.scss'
import './visits.scss'

interface Props {
  userId: string
  /** 记录走访, for this household or (null) any */
  onLog: (householdId: string | null) => void
  /** bumped by the page each time it is shown again (back from 记录走访): the list is reloaded quietly */
  shownAt?: number
}

/**
 * A grid worker's 走访: the follow-ups due first (独居老人, 困难家庭, 重点关注 past their own frequency), then the
 * households not visited this period, never visited first, then the oldest visit first. Tapping one records a visit.
 */
export function VisitWork({ userId, onLog, shownAt = 0 }: Props) {
  const w = useVisitWork(userId)
  const { reload } = w
  useEffect(() => {
    if (shownAt > 0) void reload({ silent: true })
  }, [shownAt, reload])
  const c = w.data
  const mine = c?.grids ?? []
  const total = mine.reduce((n, g) => n + g.households, 0)
  const visited = mine.reduce((n, g) => n + g.visited, 0)
  return (
    <View className='gz-page visits workspace' data-testid='visit-work'>
      <ActionButton kind='primary' size='large' block testid='visit-log' onClick={() => onLog(null)}>
        记录走访
      </ActionButton>
      <ListState
        status={w.status}
        error={w.error}
        isEmpty={false}
        emptyText=''
        onRetry={() => void w.reload()}
      >
        {c ? (
          <>
            <Text className='workspace__intro' data-testid='visit-progress'>
              本期已走访 {visited}/{total} 户（{dayText(c.period.from)}起，每 {c.period.months} 个月每户走访一遍）
            </Text>
            <Card title='到期的重点关注户' testid='visit-due'>
              {c.followUpsDue.length === 0 ? (
                <Text className='visits__muted' data-testid='visit-due-none'>没有到期的重点关注户</Text>
              ) : (
                c.followUpsDue.map((f) => (
                  <LinkRow
                    key={f.householdId}
                    label={`${f.household.address} ${f.household.headName}`}
                    hint={`${FOLLOW_UP_KIND_LABELS[f.kind]}：${f.reason}（每 ${f.everyDays} 天探访，${lastVisitText(f.lastVisitedAt)}）`}
                    extra={<Tag tone='red'>{dueText(f.dueAt)}</Tag>}
                    testid={`visit-due-${f.householdId}`}
                    onClick={() => onLog(f.householdId)}
                  />
                ))
              )}
            </Card>
            <Card title='本期还没走访' testid='visit-pending'>
              {w.pending.length === 0 ? (
                <Text className='visits__muted' data-testid='visit-pending-none'>本期负责的住户都走访过了</Text>
              ) : (
                w.pending.map((p) => (
                  <LinkRow
                    key={p.household.id}
                    label={`${p.household.address} ${p.household.headName}`}
                    hint={p.lastVisitedAt ? `${p.household.gridName} · ${lastVisitText(p.lastVisitedAt)}` : p.household.gridName}
                    extra={<Tag tone={p.lastVisitedAt ? 'amber' : 'grey'}>{p.lastVisitedAt ? `上次 ${dayText(p.lastVisitedAt)}` : '从未走访'}</Tag>}
                    testid={`visit-pending-${p.household.id}`}
                    onClick={() => onLog(p.household.id)}
                  />
                ))
              )}
              {w.moreError ? (
                <Text className='visits__muted' data-testid='visit-more-error'>
                  没有加载出来：{w.moreError.message}
                </Text>
              ) : null}
              {w.hasMore ? (
                <ActionButton kind='secondary' testid='visit-more' loading={w.loadingMore} loadingText='正在加载…' onClick={() => void w.loadMore()}>
                  加载更多
                </ActionButton>
              ) : null}
            </Card>
          </>
        ) : null}
      </ListState>
    </View>
  )
}
