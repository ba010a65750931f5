import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { HouseholdsScreen } from '@/features/workspace/ui/HouseholdsScreen'
import { StaffGate } from '@/features/workspace/ui/StaffGate'

export default function HouseholdsPage() {
  // signed out: to the login page, like 我的
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow='gridWorker'>
      <HouseholdsScreen me={session.user} />
    </StaffGate>
  )
}
