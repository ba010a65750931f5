import { View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { useRequireSession } from '@/features/auth/useSession'
import { useShownAgain } from '@/features/common/usePageShell'
import { StaffGate } from '@/components/StaffGate'
import { WORKSPACE_GATES } from '@/features/workspace/gates'
import { WorkDesk } from '@/features/workspace/ui/WorkDesk'
import { useDesk } from '@/features/workspace/useDesk'

/** The desk on a page of its own (the same as in 我的), for links that land here. */
export default function WorkspacePage() {
  // signed out: to the login page, like 我的
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} {...WORKSPACE_GATES.gridWorker}>
      <Desk me={session.user} />
    </StaffGate>
  )
}

function Desk({ me }: { me: Me }) {
  const desk = useDesk(me)
  useShownAgain(() => void desk.reload())
  return (
    <View className='gz-page workspace'>
      <WorkDesk me={me} desk={desk} />
    </View>
  )
}
