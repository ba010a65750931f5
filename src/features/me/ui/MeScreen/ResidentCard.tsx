import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { ROUTES } from '@/services/routes'
import { relationText, roomText, useMyApplication } from '@/features/residents'
import { go } from './go'

/** 住户认证: verified with the household in words, or where the application stands, or the entry. */
export function ResidentCard({ me, shownAt }: { me: Me; shownAt: number }) {
  const app = useMyApplication(me.id, !me.verified)
  const { reload } = app
  useEffect(() => {
    if (shownAt > 0 && !me.verified) void reload({ silent: true })
  }, [shownAt, me.verified, reload])

  if (me.verified) {
    const h = me.household
    const parts = ['已认证住户']
    if (h) parts.push(`${h.gridName} ${roomText(h.building, h.unit, h.room)}`)
    if (h?.relation) parts.push(relationText(h.relation))
    return (
      <Card title='住户认证'>
        <View className='me-screen__verified' data-testid='me-verified'>
          <Text className='me-screen__verified-word'>✓ {parts.join(' · ')}</Text>
          {h && h.relation !== 'head' ? <Text className='gz-muted'>户主：{h.headName}</Text> : null}
        </View>
      </Card>
    )
  }

  const open = () => go(ROUTES.residentApply)
  if (app.status === 'loading') {
    return (
      <Card title='住户认证'>
        <Text className='gz-muted' data-testid='me-application-loading'>
          正在查看认证进度…
        </Text>
      </Card>
    )
  }
  if (app.status === 'error') {
    return (
      <Card title='住户认证'>
        <View className='me-screen__state' data-testid='me-application-error'>
          <Text>认证进度没有加载出来：{app.error?.message}</Text>
          <View className='me-screen__state-actions'>
            <ActionButton kind='secondary' testid='me-application-retry' onClick={() => void app.reload()}>
              重试
            </ActionButton>
            <ActionButton kind='primary' testid='link-apply' onClick={open}>
              住户认证
            </ActionButton>
          </View>
        </View>
      </Card>
    )
  }
  const a = app.application
  if (a && a.status === 'pending') {
    return (
      <Card title='住户认证' extra={<Tag tone='amber' testid='me-application-status'>待审核</Tag>}>
        <Text className='me-screen__state-text'>
          您已申请认证为 {a.gridName} {roomText(a.building, a.unit, a.room)} 的{relationText(a.relation)}，社区工作人员核对后会给出结果。
        </Text>
        <ActionButton kind='secondary' block testid='link-apply' onClick={open}>
          查看认证进度
        </ActionButton>
      </Card>
    )
  }
  if (a && a.status === 'rejected') {
    return (
      <Card title='住户认证' extra={<Tag tone='red' testid='me-application-status'>未通过</Tag>}>
        <Text className='me-screen__state-text'>您的认证申请没有通过。</Text>
        {a.reason ? (
          <Text className='me-screen__reason' data-testid='me-application-reason'>
            理由：{a.reason}
          </Text>
        ) : null}
        <ActionButton kind='primary' block testid='link-apply' onClick={open}>
          重新申请
        </ActionButton>
      </Card>
    )
  }
  return (
    <Card title='住户认证' extra={<Tag tone='grey' testid='me-application-status'>未认证</Tag>}>
      <Text className='me-screen__state-text'>
        认证为本社区住户后，可以参加议事表决、报名志愿者。只需填写楼栋房号和姓名。
      </Text>
      <ActionButton kind='primary' size='large' block testid='link-apply' onClick={open}>
        住户认证
      </ActionButton>
    </Card>
  )
}
