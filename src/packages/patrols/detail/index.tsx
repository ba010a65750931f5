import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { isStaff } from '@/domain/shared/roles'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { emitShiftEvent } from '@/features/patrols/events'
import { ShiftDetail } from '@/features/patrols/ui/ShiftDetail'
import { ROUTES, withQuery } from '@/services/routes'

export default function ShiftDetailPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  usePullDownRefresh(() => {
    if (params.id) emitShiftEvent({ type: 'changed', id: params.id })
    setTimeout(() => void Taro.stopPullDownRefresh(), 600)
  })
  if (!session || !params.id) return <View className='gz-page' />
  const me = session.user
  return (
    <>
      <ShiftDetail
        id={params.id}
        volunteer={hasRole(me, 'volunteer')}
        committee={hasRole(me, 'committee')}
        staff={isStaff(me.roles)}
        verified={me.verified}
        onIncident={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.shiftIncident, { id }) })}
        onApply={() => void Taro.navigateTo({ url: ROUTES.volunteerApply })}
        onReport={(reportId) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id: reportId }) })}
      />
      <PrivacyConsent />
    </>
  )
}
