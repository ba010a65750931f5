import { View } from '@tarojs/components'
import { useSession } from '@/features/auth/useSession'
import { VolunteersScreen } from '@/features/workspace/ui/ReviewScreens'
import { StaffGate } from '@/features/workspace/ui/StaffGate'

export default function VolunteersPage() {
  const session = useSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow='committee'>
      <VolunteersScreen />
    </StaffGate>
  )
}
