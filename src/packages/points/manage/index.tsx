import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { useRequireSession } from '@/features/auth/useSession'
import { POINTS_ROUTES } from '@/features/points'
import { PointsManage } from '@/features/points/ui/PointsManage'
import { withQuery } from '@/services/routes'

/** The committee's 积分管理. */
export default function PointsManagePage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['committee']} testid='points-not-allowed'>
      <PointsManage
        onRules={() => void Taro.navigateTo({ url: POINTS_ROUTES.rules })}
        onPerson={(userId) => void Taro.navigateTo({ url: withQuery(POINTS_ROUTES.mine, { userId }) })}
      />
    </StaffGate>
  )
}
