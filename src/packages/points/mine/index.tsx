import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { useShownAgain } from '@/features/common/usePageShell'
import { POINTS_ROUTES } from '@/features/points'
import { MyPoints } from '@/features/points/ui/MyPoints'

/** 我的积分 (from 我的); `?userId=`: the committee reads that person's ledger and may 冲正. */
export default function MyPointsPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  const [shown, setShown] = useState(0)
  useShownAgain(() => setShown((n) => n + 1))
  if (!session) return <View className='gz-page' />
  const other = params.userId && params.userId !== session.user.id ? params.userId : undefined
  if (other) return <MyPoints userId={other} canReverse={hasRole(session.user, 'committee')} shownAgain={shown} />
  return <MyPoints shownAgain={shown} onOpen={(to) => void Taro.navigateTo({ url: POINTS_ROUTES[to] })} />
}
