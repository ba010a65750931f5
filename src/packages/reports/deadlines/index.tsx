import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { DeadlinesScreen } from '@/features/reports/ui/DeadlinesScreen'
import { ReportStaffGate } from '@/features/reports/ui/StaffGate'
import { useDeadlines } from '@/features/reports/useDeadlines'

export default function ReportDeadlinesPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <ReportStaffGate me={session.user} allow={['committee']}>
      <Deadlines />
    </ReportStaffGate>
  )
}

function Deadlines() {
  const d = useDeadlines()
  return <DeadlinesScreen d={d} />
}
