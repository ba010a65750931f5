import { View } from '@tarojs/components'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { PointsRulesView } from '@/features/points/ui/PointsRules'

/** 积分规则 (the committee changes them here). */
export default function PointsRulesPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return <PointsRulesView committee={hasRole(session.user, 'committee')} />
}
