import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { StaffGate } from '@/features/workspace/ui/StaffGate'
import { WorkspaceHome } from '@/features/workspace/ui/WorkspaceHome'

export default function WorkspacePage() {
  // signed out: to the login page, like 我的
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow='gridWorker'>
      <WorkspaceHome me={session.user} go={(url) => void Taro.navigateTo({ url })} />
    </StaffGate>
  )
}
