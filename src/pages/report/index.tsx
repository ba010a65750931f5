import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Session } from '@/domain/auth'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { ReportHome } from '@/features/reports/ui/ReportHome'
import { useReportCounts } from '@/features/reports/useReportCounts'
import { useReportList } from '@/features/reports/useReportList'
import { ROUTES, withQuery } from '@/services/routes'
import './index.scss'

const STALE_AFTER_MS = 60_000

/** 随手拍 tab. */
export default function ReportTabPage() {
  const session = useRequireSession()
  return session ? <ReportTab session={session} /> : <View className='gz-page' />
}

function ReportTab({ session }: { session: Session }) {
  const me = session.user
  const staff = hasRole(me, 'gridWorker') || hasRole(me, 'committee') || hasRole(me, 'street')
  const list = useReportList('public')
  const counts = useReportCounts(me.id)

  const lastShown = useRef(Date.now())
  useDidShow(() => {
    if (Date.now() - lastShown.current > STALE_AFTER_MS) {
      void list.refresh()
      void counts.reload({ silent: true })
    }
    lastShown.current = Date.now()
  })
  usePullDownRefresh(() => {
    void Promise.all([list.refresh(), counts.reload({ silent: true })]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  return (
    <ReportHome
      staff={staff}
      list={list}
      counts={counts}
      onNew={(category) => void Taro.navigateTo({ url: withQuery(ROUTES.reportNew, { category }) })}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
      onMine={() => void Taro.navigateTo({ url: ROUTES.reportMine })}
      onQueue={() => void Taro.navigateTo({ url: ROUTES.reportQueue })}
    />
  )
}
