import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { callApi } from '@/services/api'
import { tabIndex } from '@/services/nav'
import { ROUTES } from '@/services/routes'
import { useRemote } from '../common/useRemote'
import { onUnread } from './events'


export function badgeText(n: number): string {
  return n > 99 ? '99+' : String(n)
}

/**
 * How many messages are unread: one small `message.list` page, refreshed when `refreshKey` changes
 * (我的 shown again) and whenever the message centre reads some. With `badge`, the 我的 tab carries it.
 */
export function useUnreadMessages(opts: { enabled?: boolean; badge?: boolean; refreshKey?: number } = {}) {
  const { enabled = true, badge = false, refreshKey = 0 } = opts
  const remote = useRemote<number>(enabled ? 'unread-messages' : null, async () => {
    const page = await callApi('message.list', { unreadOnly: true, limit: 1 })
    return page.unread
  })
  const { reload, setData, data, status } = remote

  useEffect(() => {
    if (refreshKey > 0) void reload({ silent: true })
  }, [refreshKey, reload])

  useEffect(() => onUnread((n) => setData(() => n)), [setData])

  useEffect(() => {
    if (!badge || status !== 'ready' || data === null) return
    const done = () => undefined
    try {
      if (data > 0)
        Promise.resolve(Taro.setTabBarBadge({ index: tabIndex(ROUTES.me), text: badgeText(data) })).catch(done)
      else Promise.resolve(Taro.removeTabBarBadge({ index: tabIndex(ROUTES.me) })).catch(done)
    } catch {
      // no tab bar on this page
    }
  }, [badge, data, status])

  return { unread: data, status, reload }
}
