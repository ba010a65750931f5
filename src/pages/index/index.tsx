import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Session } from '@/domain/auth'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { NoticeHome } from '@/features/notices/ui/NoticeHome'
import { useNoticeList } from '@/features/notices/useNoticeList'
import { tabIndex } from '@/services/nav'
import { ROUTES, withQuery } from '@/services/routes'

const STALE_AFTER_MS = 60_000

/** 首页: the caller's notices. */
export default function IndexPage() {
  const session = useRequireSession()
  return session ? <Home session={session} /> : <View className='gz-page' />
}

function Home({ session }: { session: Session }) {
  const list = useNoticeList()
  const { unreadCount, status } = list

  // Back on 首页 after a while (another tab, the app in the background): fetch what is new, quietly.
  usePageShell({ refresh: list.refresh, loadMore: list.loadMore, staleAfterMs: STALE_AFTER_MS })

  // The tab bar badge says how many live notices are still unread.
  useEffect(() => {
    if (status !== 'ready') return
    const done = () => undefined
    try {
      if (unreadCount > 0) {
        Taro.setTabBarBadge({ index: tabIndex(ROUTES.home), text: unreadCount > 99 ? '99+' : String(unreadCount) }).catch(done)
      } else {
        Taro.removeTabBarBadge({ index: tabIndex(ROUTES.home) }).catch(done)
      }
    } catch {
      // no tab bar on this page
    }
  }, [unreadCount, status])

  return (
    <NoticeHome
      me={session.user}
      list={list}
      committee={hasRole(session.user, 'committee')}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.noticeDetail, { id }) })}
      onPublish={() => void Taro.navigateTo({ url: ROUTES.noticePublish })}
    />
  )
}
