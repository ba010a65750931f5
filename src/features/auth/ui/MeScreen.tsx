import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { maskPhone } from '@/domain/mask'
import { ROLE_LABELS, isStaff } from '@/domain/roles'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { logout } from '../login'
import { useMe } from '../useSession'
import './MeScreen.scss'

/** Phones arrive masked for most callers; mask again only what is still whole. */
function phoneText(phone: string | null): string {
  if (!phone) return '未登记'
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

export function MeScreen() {
  const { me, status, error, reload } = useMe()
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

      <Card title='我的信息'>
        <View className='me-screen__rows'>
          <Row label='所在社区' value={me.communityName || '未加入社区'} testid='me-community' />
          <Row label={grid.label} value={grid.value} testid='me-grid' />
          {staff && !me.verified ? null : (
            <Row
              label='住户认证'
              value={me.verified ? '已认证住户' : '未认证'}
              tone={me.verified ? 'ok' : 'plain'}
              testid='me-verified'
            />
          )}
          <Row label='手机号' value={phoneText(me.phone)} testid='me-phone' />
        </View>
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

function Row({ label, value, tone = 'plain', testid }: { label: string; value: string; tone?: 'ok' | 'plain'; testid: string }) {
  return (
    <View className='me-screen__row'>
      <Text className='me-screen__label'>{label}</Text>
      <Text className={`me-screen__value me-screen__value--${tone}`} data-testid={testid}>
        {value}
      </Text>
    </View>
  )
}
