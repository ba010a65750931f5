import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { OfflineScreen } from '@/features/motions/ui/OfflineScreen'
import { StaffGate } from '@/components/StaffGate'
import { WORKSPACE_GATES } from '@/features/workspace/gates'

export default function MotionOfflinePage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.id) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} {...WORKSPACE_GATES.committee}>
      <OfflineScreen motionId={params.id} />
    </StaffGate>
  )
}
