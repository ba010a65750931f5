import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { MeScreen } from '@/features/auth/ui/MeScreen'

/** 我的: profile, role, community, grid; 退出登录. */
export default function MePage() {
  const session = useRequireSession()
  return session ? <MeScreen /> : <View className='gz-page' />
}
