import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { VisitCoverage } from '@/features/visits/ui/VisitCoverage'

/** The committee's 走访覆盖 (grid workers see their own grids); the committee sets the period here. */
export default function VisitCoveragePage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['committee', 'gridWorker']} testid='visits-not-allowed'>
      <VisitCoverage userId={session.user.id} committee={hasRole(session.user, 'committee')} />
    </StaffGate>
  )
}
