import { View } from '@tarojs/components'
import { useSession } from '@/features/auth/useSession'
import { ApplicationsScreen } from '@/features/workspace/ui/ReviewScreens'
import { StaffGate } from '@/features/workspace/ui/StaffGate'

export default function ApplicationsPage() {
  const session = useSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow='committee'>
      <ApplicationsScreen />
    </StaffGate>
  )
}
