import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { LinkRow } from '@/components/LinkRow'
import { PagedList } from '@/components/PagedList'
import { groupByDay } from '../format'
import type { useListSignup, useShiftList } from '../useShiftList'
import { ShiftCard } from './ShiftCard'
import './PatrolHome.scss'

/** who is looking: 社区 schedules, 志愿者 sign up, other staff (网格员, 街道) look, residents are shown how to join */
export type PatrolRole = 'volunteer' | 'committee' | 'staff' | 'resident'

interface PatrolHomeProps {
  list: ReturnType<typeof useShiftList>
  signups: ReturnType<typeof useListSignup>
  role: PatrolRole
  /** a resident who is not verified yet cannot apply to be a volunteer */
  verified: boolean
  onOpen: (id: string) => void
  onSchedule: () => void
  onMine: () => void
  onApply: () => void
  /** 社会动员: the call-outs sent to me (staff: the community's) */
  onCallouts?: () => void
  now?: Date
}

/** 巡逻: the community's coming shifts by day; volunteers sign up from here, the committee schedules. */
export function PatrolHome({ list, signups, role, verified, onOpen, onSchedule, onMine, onApply, onCallouts, now = new Date() }: PatrolHomeProps) {
  const groups = groupByDay(list.items, now)
  return (
    <View className='gz-page patrol-home' data-testid='patrol-home'>
      {role === 'committee' ? (
        <ActionButton kind='primary' size='large' block testid='patrol-schedule' onClick={onSchedule}>
          安排巡逻
        </ActionButton>
      ) : null}
      {role === 'volunteer' ? (
        <View className='patrol-home__card'>
          <LinkRow label='我的志愿' hint='我的班次、服务时长、本月时长榜' testid='link-volunteer-mine' onClick={onMine} />
        </View>
      ) : null}
      {onCallouts ? (
        <View className='patrol-home__card'>
          <LinkRow label='社区动员' hint='防汛、扫雪、筛查等需要人手时的召集，回复能来并到场报到' testid='link-callouts' onClick={onCallouts} />
        </View>
      ) : null}
      {role === 'staff' ? (
        <View className='gz-banner gz-banner--info patrol-home__join' data-testid='patrol-staff'>
          <Text>本社区的巡逻班次由社区安排、志愿者报名参加；点开班次可以看巡逻记录和发现的隐患。</Text>
        </View>
      ) : null}
      {role === 'resident' ? (
        <View className='gz-banner gz-banner--info patrol-home__join' data-testid='patrol-join'>
          <Text>群防群治，守护邻里平安。成为志愿者后就能报名巡逻、签到记时长。</Text>
          {verified ? (
            <ActionButton kind='primary' block testid='patrol-apply' onClick={onApply}>
              申请成为志愿者
            </ActionButton>
          ) : (
            <Text className='patrol-home__join-hint'>请先在“我的”里完成住户认证，再申请成为志愿者。</Text>
          )}
        </View>
      ) : null}

      <PagedList
        list={list}
        refreshError={list.items.length ? 'banner' : 'none'}
        refreshErrorLead='刷新没有成功'
        refreshErrorTestid={null}
        emptyText='最近没有安排巡逻'
        emptyHint={role === 'committee' ? '点上面的“安排巡逻”排一个班次' : '社区安排了班次会出现在这里'}
        refreshWhenEmpty
      >
        <View data-testid='shift-list'>
          {groups.map((g) => (
            <View key={g.label} className='patrol-home__day' data-testid='shift-day'>
              <Text className='patrol-home__day-label' data-testid='shift-day-label'>
                {g.label}
              </Text>
              {g.items.map((s) => (
                <ShiftCard
                  key={s.id}
                  shift={s}
                  committee={role === 'committee'}
                  onSignup={role === 'volunteer' ? (id) => void signups.signup(id) : undefined}
                  signingUp={signups.busyId === s.id}
                  result={signups.result?.id === s.id ? signups.result : null}
                  onOpen={onOpen}
                />
              ))}
            </View>
          ))}
        </View>
      </PagedList>
    </View>
  )
}
