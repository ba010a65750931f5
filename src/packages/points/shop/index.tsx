import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { PointsShop } from '@/features/points/ui/PointsShop'

/** 积分超市. */
export default function PointsShopPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return <PointsShop />
}
