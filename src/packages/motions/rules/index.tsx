import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { MOTION_ROUTES } from '@/features/motions/routes'
import { RulesScreen } from '@/features/motions/ui/RulesScreen'
import { withQuery } from '@/services/routes'

export default function RulesPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return <RulesScreen committee={hasRole(session.user, 'committee')} onMotion={(id) => void Taro.navigateTo({ url: withQuery(MOTION_ROUTES.detail, { id }) })} />
}
