import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { POINTS_ROUTES } from '@/features/points'
import { MyPoints } from '@/features/points/ui/MyPoints'

/** 我的积分 (from 我的); `?userId=`: the committee reads that person's ledger and may 冲正. */
export default function MyPointsPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session) return <View className='gz-page' />
  const other = params.userId && params.userId !== session.user.id ? params.userId : undefined
  if (other) return <MyPoints userId={other} canReverse={hasRole(session.user, 'committee')} />
  return <MyPoints onOpen={(to) => void Taro.navigateTo({ url: POINTS_ROUTES[to] })} />
}
