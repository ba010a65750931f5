import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { useRequireSession } from '@/features/auth/useSession'
import { RosterScreen } from '@/features/residents/ui/RosterScreen'
import { StaffGate } from '@/components/StaffGate'
import { WORKSPACE_GATES } from '@/features/workspace/gates'

export default function RosterPage() {
  // signed out: to the login page, like 我的
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} {...WORKSPACE_GATES.committee}>
      <RosterScreen />
      <PrivacyConsent />
    </StaffGate>
  )
}
