import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { HouseholdsScreen } from '@/features/residents/ui/HouseholdsScreen'
import { StaffGate } from '@/components/StaffGate'
import { WORKSPACE_GATES } from '@/features/workspace/gates'

export default function HouseholdsPage() {
  // signed out: to the login page, like 我的
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} {...WORKSPACE_GATES.gridWorker}>
      <HouseholdsScreen me={session.user} />
    </StaffGate>
  )
}
