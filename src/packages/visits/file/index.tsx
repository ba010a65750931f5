import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { VISIT_ROUTES } from '@/features/visits'
import { HouseholdFile } from '@/features/visits/ui/HouseholdFile'
import { ROUTES, withQuery } from '@/services/routes'

/** The 走访档案 of the household `?householdId=` (staff; each opening is audited). */
export default function HouseholdFilePage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.householdId) return <View className='gz-page' />
  const householdId = params.householdId
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee', 'street', 'district', 'city']} testid='visits-not-allowed'>
      <HouseholdFile
        householdId={householdId}
        canEdit={hasRole(session.user, 'gridWorker') || hasRole(session.user, 'committee')}
        onLog={() => void Taro.navigateTo({ url: withQuery(VISIT_ROUTES.log, { householdId }) })}
        onOpenReport={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
      />
    </StaffGate>
  )
}
