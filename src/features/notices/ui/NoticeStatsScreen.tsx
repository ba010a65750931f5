import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { NoticeStats, NoticeUnconfirmedItem } from '@/domain/notices'
import { REPORT_LEVEL_OFFICES } from '@/domain/reports'
import { tierOf } from '@/domain/shared/roles'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { ListState } from '@/components/ListState'
import { PagedList } from '@/components/PagedList'
import { StatBar, percentOf } from '@/components/StatBar'
import { Tag } from '@/components/Tag'
import { useSession } from '@/features/auth'
import type { useNoticeStats } from '../useNoticeStats'
import { useUnconfirmed } from '../useUnconfirmed'
import './NoticeStatsScreen.scss'

interface Props {
  id: string | undefined
  title: string
  stats: ReturnType<typeof useNoticeStats>
  missingId: boolean
}

/**
 * Audience, read and confirmed — overall and per grid, as bars with their figures; what 应读 counts in words;
 * for an important notice, who has not confirmed yet (to phone or visit).
 */
export function NoticeStatsScreen({ id, title, stats, missingId }: Props) {
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
              <Total label='应读' value={s.audience} sub='按人算' testid='stats-audience' />
              <Total label='已读' value={s.read} sub={`占 ${percentOf(s.read, s.audience)}%`} testid='stats-read' />
              {s.important ? (
                <Total label='已确认' value={s.confirmed} sub={`占 ${percentOf(s.confirmed, s.audience)}%`} testid='stats-confirmed' />
              ) : null}
            </View>
            <AudienceExplained stats={s} />
            <Card title='发布范围内合计'>
              <StatBar label='已读' value={s.read} total={s.audience} testid='stats-bar-read' />
              {s.important ? <StatBar label='已确认知晓' value={s.confirmed} total={s.audience} tone='green' testid='stats-bar-confirmed' /> : null}
            </Card>
            <Card title='各网格情况'>
              {s.byGrid.length === 0 ? (
                <Text className='gz-muted'>这条通知的范围内还没有网格。</Text>
              ) : (
                s.byGrid.map((g) => (
                  <View key={g.gridId} className='notice-stats__grid' data-testid='stats-grid-row' data-grid={g.gridId}>
                    <View className='notice-stats__grid-head'>
                      <Text className='notice-stats__grid-name'>{g.gridName}</Text>
                      <Text className='gz-muted'>
                        应读 {g.audience} 人 · 花名册 {g.households} 户
                      </Text>
                    </View>
                    <StatBar label='已读' value={g.read} total={g.audience} />
                    {s.important ? <StatBar label='已确认' value={g.confirmed} total={g.audience} tone='green' /> : null}
                  </View>
                ))
              )}
            </Card>
            {s.important && id ? <UnconfirmedCard id={id} stats={s} /> : null}
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

/** 应读 in words: people, not households; the roster beside it. */
function AudienceExplained({ stats: s }: { stats: NoticeStats }) {
  return (
    <View className='notice-stats__explain' data-testid='stats-audience-explain'>
      <Text>
        “应读”按人算，不按户算：是发布范围内已登记到网格的居民和志愿者，共 {s.audience} 人，社区代登记、没有智能手机的居民也算在内。
      </Text>
      <Text>
        花名册上这个范围有 {s.households} 户
        {s.householdsWithoutAccount > 0
          ? `，其中 ${s.householdsWithoutAccount} 户还没有一个人认证为住户或由社区代登记，不在“应读”里，需要另外告知`
          : '，每户都有人认证或代登记'}。
      </Text>
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

const ALL = 'all'

/** 还没确认的: people who have not tapped 已知晓 and households where nobody is verified, grid by grid, to phone or visit. */
function UnconfirmedCard({ id, stats: s }: { id: string; stats: NoticeStats }) {
  const [grid, setGrid] = useState<string>(ALL)
  // the committee phones or visits; the street, district or city follows (names and phones masked for it)
  const tier = tierOf(useSession()?.user.roles ?? [])
  const list = useUnconfirmed(id, grid === ALL ? null : grid)
  const chosen = grid === ALL ? s : s.byGrid.find((g) => g.gridId === grid)
  const options = [
    { value: ALL, label: `全部 ${s.unconfirmed}` },
    ...(s.byGrid.length > 1 ? s.byGrid.map((g) => ({ value: g.gridId, label: `${g.gridName} ${g.unconfirmed}` })) : []),
  ]
  const people = chosen ? chosen.audience - chosen.confirmed : 0
  return (
    <Card title='还没确认的住户' testid='unconfirmed-card'>
      <Text className='notice-stats__hint' data-testid='unconfirmed-summary'>
        {chosen && chosen.unconfirmed > 0
          ? `共 ${chosen.unconfirmed} 个：${people} 人还没点“已知晓”${chosen.householdsWithoutAccount > 0 ? `，${chosen.householdsWithoutAccount} 户还没有人认证` : ''}。${tier ? `由社区打电话或上门告知；${REPORT_LEVEL_OFFICES[tier]}看到的姓名和电话已遮挡。` : '请打电话或上门告知。'}`
          : '都已确认知晓。'}
      </Text>
      {options.length > 1 ? <ChoiceChips options={options} value={grid} onChange={setGrid} testidPrefix='unconfirmed-grid' /> : null}
      <PagedList list={list} refreshError='none' emptyText='这里的住户都已确认知晓' skeletonRows={2} endText=''>
        <View className='notice-stats__people' data-testid='unconfirmed-list'>
          {list.items.map((p, i) => (
            <View key={`${p.kind}:${p.id}`}>
              {i === 0 || list.items[i - 1]?.gridId !== p.gridId ? (
                <Text className='notice-stats__group' data-testid='unconfirmed-grid-heading'>
                  {p.gridName}
                </Text>
              ) : null}
              <UnconfirmedRow item={p} />
            </View>
          ))}
        </View>
      </PagedList>
    </Card>
  )
}

const STATE: Record<'unread' | 'read' | 'household', { word: string; tone: 'red' | 'amber' | 'grey' }> = {
  unread: { word: '还没看', tone: 'red' },
  read: { word: '看了没确认', tone: 'amber' },
  household: { word: '这户还没人认证', tone: 'grey' },
}

function UnconfirmedRow({ item: p }: { item: NoticeUnconfirmedItem }) {
  const state = STATE[p.kind === 'household' ? 'household' : p.read ? 'read' : 'unread']
  const callable = p.phone !== null && !p.phone.includes('*')
  return (
    <View className='notice-stats__person' data-testid='unconfirmed-row' data-kind={p.kind}>
      <View className='notice-stats__person-head'>
        <Text className='notice-stats__person-name'>{p.kind === 'household' ? `${p.name}（户主）` : p.name}</Text>
        <Tag tone={state.tone}>{state.word}</Tag>
        {p.rosterOnly ? <Tag tone='grey'>无智能手机</Tag> : null}
      </View>
      {p.address ? <Text className='notice-stats__person-line'>{p.address}</Text> : null}
      <View className='notice-stats__person-phone'>
        <Text className='notice-stats__person-line'>{p.phone ? `${p.phoneOfHousehold ? '户联系电话' : '电话'} ${p.phone}` : '没有登记电话'}</Text>
        {callable ? (
          <ActionButton kind='secondary' testid='unconfirmed-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: p.phone as string }).catch(() => undefined)}>
            打电话
          </ActionButton>
        ) : null}
      </View>
    </View>
  )
}
