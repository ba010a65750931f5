import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { Tag } from '@/components/Tag'
import { ROUTES } from '@/services/routes'
import { hasRole } from '@/features/auth'
import { useMyVolunteerApplication } from '@/features/residents'
import { go } from './go'

/** 志愿者: the role, or where the application stands, or the entry (verified residents). */
export function VolunteerCard({ me, shownAt }: { me: Me; shownAt: number }) {
  const isVolunteer = hasRole(me, 'volunteer')
  const app = useMyVolunteerApplication(me.id, !isVolunteer)
  const { reload } = app
  useEffect(() => {
    if (shownAt > 0 && !isVolunteer) void reload({ silent: true })
  }, [shownAt, isVolunteer, reload])
  const open = () => go(ROUTES.volunteerApply)

  if (isVolunteer || app.application?.status === 'verified') {
    return (
      <Card title='志愿者'>
        <View className='me-screen__verified' data-testid='me-volunteer'>
          <Text className='me-screen__verified-word'>✓ 已是志愿者</Text>
          <Text className='gz-muted'>可以报名社区的巡逻值守和志愿服务。</Text>
        </View>
        {isVolunteer ? (
          <LinkRow label='我的志愿' hint='我的巡逻班次、服务时长和本月时长榜' testid='link-volunteer-mine' onClick={() => go(ROUTES.volunteerMine)} />
        ) : null}
      </Card>
    )
  }
  const a = app.application
  const word = app.status !== 'ready' ? null : a?.status === 'pending' ? '待审核' : a?.status === 'rejected' ? '未通过' : null
  return (
    <Card title='志愿者'>
      <LinkRow
        label={a?.status === 'rejected' ? '重新申请志愿者' : '志愿者申请'}
        hint={
          app.status === 'error'
            ? '申请情况没有加载出来，点此查看'
            : a?.status === 'pending'
              ? '已提交，等待社区审核'
              : a?.status === 'rejected' && a.reason
                ? `理由：${a.reason}`
                : '参加巡逻值守、帮扶邻里'
        }
        extra={
          word ? (
            <Tag tone={word === '待审核' ? 'amber' : 'red'} testid='me-volunteer-status'>
              {word}
            </Tag>
          ) : null
        }
        testid='link-volunteer'
        onClick={open}
      />
    </Card>
  )
}
