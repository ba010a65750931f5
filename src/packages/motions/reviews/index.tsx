import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { MOTION_ROUTES } from '@/features/motions/routes'
import { RiskReviewsScreen } from '@/features/motions/ui/RiskReviewsScreen'
import { withQuery } from '@/services/routes'

export default function RiskReviewsPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return <RiskReviewsScreen onOpen={(id) => void Taro.navigateTo({ url: withQuery(MOTION_ROUTES.detail, { id }) })} />
}
