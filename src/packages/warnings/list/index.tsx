import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { WARNING_ROUTES } from '@/features/warnings'
import { WarningList } from '@/features/warnings/ui/WarningList'
import { withQuery } from '@/services/routes'

/** 预警: the warnings of the grid worker's grids or the committee's community. */
export default function WarningListPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee']} testid='warnings-not-allowed'>
      <WarningList
        userId={session.user.id}
        onOpen={(id) => void Taro.navigateTo({ url: withQuery(WARNING_ROUTES.detail, { id }) })}
        onRules={hasRole(session.user, 'committee') ? () => void Taro.navigateTo({ url: WARNING_ROUTES.rules }) : undefined}
      />
    </StaffGate>
  )
}
