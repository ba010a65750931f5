import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { QueueScreen } from '@/features/reports/ui/QueueScreen'
import { ReportStaffGate } from '@/features/reports/ui/StaffGate'
import { useReportQueue } from '@/features/reports/useReportQueue'
import { ROUTES, withQuery } from '@/services/routes'

function levelText(me: Me): string {
  if (hasRole(me, 'street')) return '街道'
  if (hasRole(me, 'committee')) return '社区'
  return me.grids.length ? me.grids.map((g) => g.name).join('、') : '您负责的网格'
}

export default function ReportQueuePage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <ReportStaffGate me={session.user} allow={['gridWorker', 'committee', 'street']}>
      <Queue me={session.user} />
    </ReportStaffGate>
  )
}

function Queue({ me }: { me: Me }) {
  const list = useReportQueue()
  const first = useRef(true)
  useDidShow(() => {
    // back from a report: its row is updated by event; a quiet refresh brings new ones and the order
    if (first.current) first.current = false
    else void list.refresh()
  })
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  return (
    <QueueScreen
      list={list}
      levelText={levelText(me)}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
    />
  )
}
