import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { maskPhone } from '@/domain/shared/mask'
import { ROLE_LABELS, isStaff } from '@/domain/shared/roles'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { Tag } from '@/components/Tag'
import { ROUTES } from '@/services/routes'
import { badgeText, useUnreadMessages } from '@/features/messages'
import { relationText, roomText, useMyApplication, useMyVolunteerApplication } from '@/features/residents'
import { deskKind, useDesk, WorkDesk } from '@/features/workspace'
import { logout, hasRole, useMe, PhoneEditor } from '@/features/auth'
import './MeScreen.scss'

/** Phones arrive masked for most callers; mask again only what is still whole. */
function phoneText(phone: string | null): string {
  if (!phone) return '未填写'
  return phone.includes('*') ? phone : maskPhone(phone)
}

/** Where this person lives or works: their grid(s); staff without a grid work for the whole area. */
function gridRow(me: Me): { label: string; value: string } {
  if (me.grids.length > 0) return { label: '负责网格', value: me.grids.map((g) => g.name).join('、') }
  if (me.gridName) return { label: '所在网格', value: me.gridName }
  if (me.roles.includes('committee')) return { label: '工作范围', value: '全社区' }
  if (me.roles.includes('street')) return { label: '工作范围', value: '街道辖区各社区' }
  return { label: '所在网格', value: '未分配网格' }
}

function go(url: string) {
  void Taro.navigateTo({ url })
}

interface Props {
  /** bumped by the page each time 我的 is shown again: status may have changed elsewhere */
  shownAt?: number
}

export function MeScreen({ shownAt = 0 }: Props) {
  const { me, status, error, reload, setData } = useMe()
  const onSaved = useCallback((next: Me) => setData(() => next), [setData])
  useEffect(() => {
    if (shownAt > 0) void reload({ silent: true })
  }, [shownAt, reload])
  if (!me) return <View className='gz-page' />
  const first = [...(me.name || '居')][0]
  const grid = gridRow(me)
  const staff = isStaff(me.roles)
  return (
    <View className='gz-page me-screen'>
      <View className='me-screen__profile' data-testid='me-profile'>
        <View className='me-screen__avatar' aria-hidden='true'>
          <Text>{first}</Text>
        </View>
        <View className='me-screen__who'>
          <Text className='me-screen__name' data-testid='me-name'>
            {me.name}
          </Text>
          <View className='me-screen__roles' data-testid='me-roles'>
            {me.roles.map((r) => (
              <Tag key={r} tone='blue'>
                {ROLE_LABELS[r] ?? r}
              </Tag>
            ))}
          </View>
        </View>
      </View>

      {status === 'error' && error ? (
        <View className='gz-banner gz-banner--error' data-testid='me-error'>
          <Text>资料没有更新：{error.message}</Text>
          <ActionButton kind='plain' testid='me-retry' onClick={() => void reload({ silent: true })}>
            重试
          </ActionButton>
        </View>
      ) : null}

      <MessagesCard shownAt={shownAt} staff={staff} />

      {staff && !me.verified ? null : <ResidentCard me={me} shownAt={shownAt} />}
      {me.verified && !staff ? <VolunteerCard me={me} shownAt={shownAt} /> : null}

      {deskKind(me) ? <Desk me={me} shownAt={shownAt} /> : null}

      <Card title='我的信息'>
        <View className='me-screen__rows'>
          <Row label='所在社区' value={me.communityName || '未加入社区'} testid='me-community' />
          <Row label={grid.label} value={grid.value} testid='me-grid' />
          <PhoneRow me={me} onSaved={onSaved} />
        </View>
      </Card>

      <Card>
        <LinkRow
          label='隐私保护指引'
          hint='收集哪些信息、为什么、谁能看到、您可以怎么做'
          testid='link-privacy'
          onClick={() => go(ROUTES.privacy)}
        />
      </Card>

      <Text className='gz-muted me-screen__privacy'>
        手机号等个人信息只向需要办理事务的工作人员显示，其他人看到的都经过遮挡。
      </Text>

      <ActionButton kind='danger' block testid='logout' onClick={logout}>
        退出登录
      </ActionButton>
    </View>
  )
}

/** 住户认证: verified with the household in words, or where the application stands, or the entry. */
function ResidentCard({ me, shownAt }: { me: Me; shownAt: number }) {
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

/** 志愿者: the role, or where the application stands, or the entry (verified residents). */
function VolunteerCard({ me, shownAt }: { me: Me; shownAt: number }) {
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

/** 消息 with the unread count (also on the 我的 tab), and 我的上报. */
function MessagesCard({ shownAt, staff }: { shownAt: number; staff: boolean }) {
  const { unread } = useUnreadMessages({ badge: true, refreshKey: shownAt })
  return (
    <Card>
      <View data-testid='me-messages'>
        <LinkRow
          label='消息'
          hint={staff ? '新问题、督办和上报的通知' : '问题进展、表决和巡逻的通知'}
          extra={
            unread ? (
              <Tag tone='red' testid='me-unread'>
                {`${badgeText(unread)} 条未读`}
              </Tag>
            ) : null
          }
          testid='link-messages'
          onClick={() => go(ROUTES.messages)}
        />
        <LinkRow label='我的上报' hint='随手拍上报的问题和办理进度' testid='link-report-mine' onClick={() => go(ROUTES.reportMine)} />
      </View>
    </Card>
  )
}

/** 社区工作 / 街道工作 / 网格工作: the desk, grouped by the work, each link with the figure of what it opens. */
function Desk({ me, shownAt }: { me: Me; shownAt: number }) {
  const desk = useDesk(me)
  const { reload } = desk
  useEffect(() => {
    if (shownAt > 0) void reload()
  }, [shownAt, reload])
  return <WorkDesk me={me} desk={desk} />
}

function PhoneRow({ me, onSaved }: { me: Me; onSaved: (me: Me) => void }) {
  const [editing, setEditing] = useState(false)
  return (
    <View className='me-screen__row me-screen__row--phone'>
      <View className='me-screen__row-main'>
        <Text className='me-screen__label'>手机号</Text>
        <View className='me-screen__row-end'>
          <Text className='me-screen__value' data-testid='me-phone'>
            {phoneText(me.phone)}
          </Text>
          {editing ? null : (
            <ActionButton kind='secondary' testid='phone-edit' onClick={() => setEditing(true)}>
              {me.phone ? '修改' : '填写'}
            </ActionButton>
          )}
        </View>
      </View>
      {editing ? <PhoneEditor hasPhone={!!me.phone} onSaved={onSaved} onClose={() => setEditing(false)} /> : null}
    </View>
  )
}

function Row({ label, value, testid }: { label: string; value: string; testid: string }) {
  return (
    <View className='me-screen__row'>
      <Text className='me-screen__label'>{label}</Text>
      <Text className='me-screen__value' data-testid={testid}>
        {value}
      </Text>
    </View>
  )
}
