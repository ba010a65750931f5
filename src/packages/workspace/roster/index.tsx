import { View } from '@tarojs/components'
import { useSession } from '@/features/auth/useSession'
import { RosterScreen } from '@/features/workspace/ui/RosterScreen'
import { StaffGate } from '@/features/workspace/ui/StaffGate'

export default function RosterPage() {
  const session = useSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow='committee'>
      <RosterScreen />
    </StaffGate>
  )
}
