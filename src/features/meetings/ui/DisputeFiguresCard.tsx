import { Text, View } from '@tarojs/components'
import type { DisputeFigures } from '@/domain/meetings'
import { callApi } from '@/services/api'
import { Card } from '@/components/Card'
import { useRemote } from '../../common/useRemote'
import './Meetings.scss'

/** 问题总览's 矛盾纠纷 card: open disputes and their 包保, joint meetings, follow-up tasks — in words. */
export function DisputeFiguresCard() {
  const remote = useRemote<DisputeFigures>('dispute-figures', () => callApi('meeting.summary', {}))
  const f = remote.data
  if (!f) return null
  const without = f.open - f.withResponsible
  return (
    <Card title='矛盾纠纷：包保与联席会议' testid='dispute-figures'>
      <View className='meeting'>
        <Text className='meeting__text' data-testid='dispute-open'>
          在办纠纷 {f.open} 件，其中已指定包保责任人 {f.withResponsible} 件{without > 0 ? `，还有 ${without} 件没有` : ''}
        </Text>
        <Text className='meeting__text' data-testid='dispute-meetings'>
          近 30 天召开联席会议 {f.meetingsLast30Days} 次
        </Text>
        <Text className={`meeting__text${f.overdueTasks > 0 ? ' meeting__overdue' : ''}`} data-testid='dispute-tasks'>
          会后任务未完成 {f.openTasks} 项{f.overdueTasks > 0 ? `，其中 ${f.overdueTasks} 项已逾期` : ''}
        </Text>
      </View>
    </Card>
  )
}
