import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { messagePage, type MessagePage, type MessageView } from '@/domain/messages'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { usePagedList } from '../common/usePagedList'
import { emitUnread } from './events'

export const MESSAGE_PAGE = 20

/** 消息: newest first, paged by cursor; read one (on tap) or all. */
export function useMessages(enabled = true) {
  const [unread, setUnread] = useState<number | null>(null)
  const list = usePagedList<MessageView, MessagePage>(
    enabled ? 'messages' : null,
    (cursor) => callApi('message.list', { limit: MESSAGE_PAGE, ...(cursor ? { cursor } : {}) }),
    (page) => {
      setUnread(page.unread)
      emitUnread(page.unread)
    },
  )
  const { update, items } = list
  const itemsRef = useRef(items)
  itemsRef.current = items
  const [markingAll, setMarkingAll] = useState(false)
  const [markError, setMarkError] = useState<ApiError | null>(null)

  const setCount = useCallback((n: number) => {
    setUnread(n)
    emitUnread(n)
  }, [])

  /** Mark one read (shown at once; the server's count follows). A failure leaves it unread, quietly. */
  const markRead = useCallback(
    async (id: string) => {
      const m = itemsRef.current.find((x) => x.id === id)
      if (!m || m.read) return
      update(id, (x) => ({ ...x, read: true }))
      setUnread((n) => (n === null ? n : Math.max(0, n - 1)))
      try {
        const res = await callApi('message.read', { id })
        setCount(res.unread)
      } catch {
        update(id, (x) => ({ ...x, read: false }))
        setUnread((n) => (n === null ? n : n + 1))
      }
    },
    [update, setCount],
  )

  const markAllRead = useCallback(async () => {
    if (markingAll) return false
    setMarkingAll(true)
    setMarkError(null)
    try {
      const res = await callApi('message.read', { all: true })
      for (const m of itemsRef.current) if (!m.read) update(m.id, (x) => ({ ...x, read: true }))
      setCount(res.unread)
      return true
    } catch (e) {
      setMarkError(toApiError(e))
      return false
    } finally {
      setMarkingAll(false)
    }
  }, [markingAll, update, setCount])

  /** Tap: mark it read, then open what it is about. */
  const open = useCallback(
    (m: MessageView) => {
      void markRead(m.id)
      if (m.target) Promise.resolve(Taro.navigateTo({ url: `/${messagePage(m.target)}` })).catch(() => undefined)
    },
    [markRead],
  )

  return { ...list, unread, markRead, markAllRead, markingAll, markError, open }
}
