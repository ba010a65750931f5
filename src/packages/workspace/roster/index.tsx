import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { useRequireSession } from '@/features/auth/useSession'
import { RosterScreen } from '@/features/workspace/ui/RosterScreen'
import { StaffGate } from '@/features/workspace/ui/StaffGate'

export default function RosterPage() {
  // signed out: to the login page, like 我的
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow='committee'>
      <RosterScreen />
      <PrivacyConsent />
    </StaffGate>
  )
}
