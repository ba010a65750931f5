import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { ScheduleForm } from '@/features/patrols/ui/ScheduleForm'
import { scrollToFirstError } from '@/services/nav'
import { ROUTES, withQuery } from '@/services/routes'

/** The committee schedules a shift (once or weekly); then its detail (the first one) opens. */
export default function SchedulePage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  if (!hasRole(session.user, 'committee')) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--info'>
          <Text>只有社区/村委会可以安排巡逻。</Text>
        </View>
      </View>
    )
  }
  return (
    <>
      <ScheduleForm
        userId={session.user.id}
        onScheduled={(shifts) => {
          const n = shifts.length
          void Promise.resolve(Taro.showToast({ title: n > 1 ? `已安排 ${n} 次` : '已安排', icon: 'success' })).catch(() => undefined)
          const first = shifts[0]
          setTimeout(() => {
            if (first) void Taro.redirectTo({ url: withQuery(ROUTES.shiftDetail, { id: first.id }) })
            else void Taro.switchTab({ url: ROUTES.patrol })
          }, 600)
        }}
        onInvalid={scrollToFirstError}
      />
      <PrivacyConsent />
    </>
  )
}
