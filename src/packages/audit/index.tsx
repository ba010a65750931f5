import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { useRequireSession } from '@/features/auth/useSession'
import { AuditLog } from '@/features/audit/ui/AuditLog'

/** 操作日志: the committee's community, or the communities under a street, district or city. */
export default function AuditPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['committee', 'street', 'district', 'city']} testid='audit-not-allowed'>
      <AuditLog userId={session.user.id} />
    </StaffGate>
  )
}
