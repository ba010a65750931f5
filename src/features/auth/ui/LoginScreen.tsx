import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Role } from '@/domain/shared/roles'
import { ActionButton } from '@/components/ActionButton'
import { ROUTES } from '@/services/routes'
import { devLoginShown, wxLoginShown } from '../login'
import { useLogin } from '../useLogin'
import './LoginScreen.scss'

/** The demo identities, in the words people use for them. */
const DEMO_ROLES: { role: Role; label: string; does: string }[] = [
  { role: 'resident', label: '居民', does: '看社区通知，反映身边的问题，参与议事表决' },
  { role: 'volunteer', label: '志愿者', does: '报名巡逻值守，到岗签到，记录巡逻中发现的情况' },
  { role: 'gridWorker', label: '网格员', does: '受理本网格居民反映的问题，处理、调解或上报' },
  { role: 'committee', label: '社区工作人员', does: '发布通知，认证住户，组织议事和巡逻' },
  { role: 'street', label: '街道工作人员', does: '处理各社区上报的问题，查看各社区的情况' },
  { role: 'district', label: '区综治中心', does: '办理街道上报的问题，督办全区逾期的问题' },
  { role: 'city', label: '市综治中心', does: '办理各区上报的问题，查看全市各区的情况' },
]

export function LoginScreen() {
  const { pending, error, login } = useLogin()
  const [showDev] = useState(devLoginShown)
  const [showWx] = useState(wxLoginShown)

  return (
    <View className='gz-page login-screen'>
      <View className='login-screen__brand'>
        <View className='login-screen__mark' aria-hidden='true'>
          <Text>共治</Text>
        </View>
        <Text className='login-screen__name'>共治 · 社区共治服务</Text>
        <Text className='login-screen__slogan'>小事不出网格，大事不出社区，矛盾不上交</Text>
      </View>

      {error ? (
        <View className='gz-banner gz-banner--error' data-testid='login-error'>
          <Text>{error}</Text>
        </View>
      ) : null}

      {showWx ? (
        <ActionButton
          kind='primary'
          size='large'
          block
          loading={pending === 'wechat'}
          loadingText='正在登录…'
          disabled={!!pending && pending !== 'wechat'}
          testid='login-wechat'
          onClick={() => void login('wechat')}
        >
          微信一键登录
        </ActionButton>
      ) : null}

      {showDev ? (
        <View className='login-screen__demo'>
          <Text className='login-screen__demo-title'>请选择一个身份进入</Text>
          <Text className='login-screen__note' data-testid='demo-login-note'>
            这是演示登录：选择身份后，系统会为您新建一个该身份的演示账号，数据均为示例。正式使用时通过微信登录。
          </Text>
          <View className='login-screen__roles'>
            {DEMO_ROLES.map(({ role, label, does }) => {
              const busy = pending === role
              return (
                <View
                  key={role}
                  className={`login-screen__role${busy ? ' login-screen__role--busy' : ''}`}
                  hoverClass='login-screen__role--pressed'
                  role='button'
                  aria-busy={busy ? 'true' : 'false'}
                  data-testid={`login-role-${role}`}
                  onClick={() => void login(role)}
                >
                  <View className='login-screen__role-head'>
                    <Text className='login-screen__role-name'>{label}</Text>
                    <Text className='login-screen__role-go'>{busy ? '正在进入…' : '进入 ›'}</Text>
                  </View>
                  <Text className='login-screen__role-does'>{does}</Text>
                </View>
              )
            })}
          </View>
        </View>
      ) : null}

      <View
        className='login-screen__privacy'
        role='link'
        data-testid='login-privacy'
        onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}
      >
        <Text>我们如何使用您的个人信息，请看</Text>
        <Text className='login-screen__privacy-link'>《隐私保护指引》</Text>
      </View>
    </View>
  )
}
