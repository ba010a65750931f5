import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { useRequireSession } from '@/features/auth/useSession'
import { WarningRules } from '@/features/warnings/ui/WarningRules'

/** The community's 预警规则 (the committee sets them; grid workers read them). */
export default function WarningRulesPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee']} testid='warnings-not-allowed'>
      <WarningRules userId={session.user.id} />
    </StaffGate>
  )
}
