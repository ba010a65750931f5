import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { MessagesScreen } from '@/features/messages/ui/MessagesScreen'
import { useMessages } from '@/features/messages/useMessages'

export default function MessagesPage() {
  const session = useRequireSession()
  return session ? <Messages /> : <View className='gz-page' />
}

function Messages() {
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
  return <MessagesScreen list={list} onOpen={list.open} />
}
