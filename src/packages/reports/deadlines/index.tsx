import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { DeadlinesScreen } from '@/features/reports/ui/DeadlinesScreen'
import { StaffGate } from '@/components/StaffGate'
import { useDeadlines } from '@/features/reports/useDeadlines'

export default function ReportDeadlinesPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['committee']} testid='report-staff-not-allowed'>
      <Deadlines />
    </StaffGate>
  )
}

function Deadlines() {
  const d = useDeadlines()
  return <DeadlinesScreen d={d} />
}
