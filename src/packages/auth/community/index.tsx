import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { goHome, useSession } from '@/features/auth'
import { ChooseCommunityScreen } from '@/features/community/ui/ChooseCommunityScreen'
import { ROUTES } from '@/services/routes'

/**
 * 选择社区: the first stop after a new person's first sign-in (no community yet), before the tabs; as soon as the
 * session has a community (the choice made here, or one already) it goes on to 首页, once.
 */
export default function ChooseCommunityPage() {
  const session = useSession()
  const placed = !!session?.user.communityId
  useEffect(() => {
    if (!session) void Promise.resolve(Taro.reLaunch({ url: ROUTES.login })).catch(() => undefined)
    else if (placed) goHome()
  }, [session, placed])
  return session && !placed ? <ChooseCommunityScreen /> : <View className='gz-page' />
}
