import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { tierOf } from '@/domain/shared/roles'
import { useRequireSession } from '@/features/auth/useSession'
import { OverviewMapScreen } from '@/features/overview/ui/OverviewMapScreen'

/** 一张图: the grids of the caller's area on a map, with their reports and today's patrols. */
export default function OverviewMapPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  const me = session.user
  return (
    <StaffGate me={me} allow={['gridWorker', 'committee', 'street', 'district', 'city']} testid='overview-map-not-allowed'>
      <OverviewMapScreen userId={me.id} gridWorker={me.roles.includes('gridWorker') && !me.roles.includes('committee') && !tierOf(me.roles)} />
    </StaffGate>
  )
}
