import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { PointsBoardView } from '@/features/points/ui/PointsBoard'

/** 本月积分榜. */
export default function PointsBoardPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return <PointsBoardView />
}
