import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { isStaff } from '@/domain/shared/roles'
import { useRequireSession } from '@/features/auth/useSession'
import { MessagesScreen } from '@/features/messages/ui/MessagesScreen'
import { useMessages } from '@/features/messages/useMessages'

export default function MessagesPage() {
  const session = useRequireSession()
  return session ? <Messages staff={isStaff(session.user.roles)} /> : <View className='gz-page' />
}

function Messages({ staff }: { staff: boolean }) {
  const list = useMessages()
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else void list.refresh()
  })
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  return <MessagesScreen list={list} staff={staff} onOpen={list.open} />
}
