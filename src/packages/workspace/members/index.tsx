import { View } from '@tarojs/components'
import { useSession } from '@/features/auth/useSession'
import { MembersScreen } from '@/features/workspace/ui/MembersScreen'
import { StaffGate } from '@/features/workspace/ui/StaffGate'

export default function MembersPage() {
  const session = useSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow='committee'>
      <MembersScreen />
    </StaffGate>
  )
}
