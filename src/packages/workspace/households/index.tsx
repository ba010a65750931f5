import { View } from '@tarojs/components'
import { useSession } from '@/features/auth/useSession'
import { HouseholdsScreen } from '@/features/workspace/ui/HouseholdsScreen'
import { StaffGate } from '@/features/workspace/ui/StaffGate'

export default function HouseholdsPage() {
  const session = useSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow='gridWorker'>
      <HouseholdsScreen me={session.user} />
    </StaffGate>
  )
}
