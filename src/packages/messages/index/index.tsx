import { View } from '@tarojs/components'
import { isStaff } from '@/domain/shared/roles'
import { useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { MessagesScreen } from '@/features/messages/ui/MessagesScreen'
import { useMessages } from '@/features/messages/useMessages'

export default function MessagesPage() {
  const session = useRequireSession()
  return session ? <Messages staff={isStaff(session.user.roles)} /> : <View className='gz-page' />
}

function Messages({ staff }: { staff: boolean }) {
  const list = useMessages()
  usePageShell({ refresh: list.refresh, loadMore: list.loadMore })
  return <MessagesScreen list={list} staff={staff} onOpen={list.open} />
}
