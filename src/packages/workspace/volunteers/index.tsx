import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { VolunteersScreen } from '@/features/residents/ui/ReviewScreens'
import { StaffGate } from '@/components/StaffGate'
import { WORKSPACE_GATES } from '@/features/workspace/gates'

export default function VolunteersPage() {
  // signed out: to the login page, like 我的
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} {...WORKSPACE_GATES.committee}>
      <VolunteersScreen />
    </StaffGate>
  )
}
