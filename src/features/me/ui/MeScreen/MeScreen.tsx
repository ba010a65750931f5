import { useCallback, useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { ROLE_LABELS, isStaff, tierOf, type Tier } from '@/domain/shared/roles'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { Tag } from '@/components/Tag'
import { ROUTES } from '@/services/routes'
import { deskKind, useDesk, WorkDesk } from '@/features/workspace'
import { logout, useMe } from '@/features/auth'
import { go } from './go'
import { MessagesCard } from './MessagesCard'
import { PhoneRow, Row } from './InfoRows'
import { ResidentCard } from './ResidentCard'
import { VolunteerCard } from './VolunteerCard'
import { MyContactCard } from './MyContactCard'
import './MeScreen.scss'

const TIER_SCOPES: Record<Tier, string> = { street: '街道辖区各社区', district: '全区各街道、社区', city: '全市各区、街道、社区' }

/** Where this person lives or works: their grid(s); staff without a grid work for the whole area. */
function gridRow(me: Me): { label: string; value: string } {
  if (me.grids.length > 0) return { label: '负责网格', value: me.grids.map((g) => g.name).join('、') }
  if (me.gridName) return { label: '所在网格', value: me.gridName }
  if (me.roles.includes('committee')) return { label: '工作范围', value: '全社区' }
  const tier = tierOf(me.roles)
  if (tier) return { label: '工作范围', value: TIER_SCOPES[tier] }
  return { label: '所在网格', value: '未分配网格' }
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
      <MyContactCard me={me} shownAt={shownAt} />

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

/** 社区工作 / 街道工作 / 网格工作: the desk, grouped by the work, each link with the figure of what it opens. */
function Desk({ me, shownAt }: { me: Me; shownAt: number }) {
  const desk = useDesk(me)
  const { reload } = desk
  useEffect(() => {
    if (shownAt > 0) void reload()
  }, [shownAt, reload])
  return <WorkDesk me={me} desk={desk} />
}
