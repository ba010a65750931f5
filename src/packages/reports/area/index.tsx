import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { useCommunity } from '@/features/community/useCommunity'
import { AreaScreen } from '@/features/reports/ui/AreaScreen'
import { StaffGate } from '@/components/StaffGate'
import { NO_FILTERS, useAreaReports, type AreaFilters } from '@/features/reports/useReportQueue'
import { useReportSummary } from '@/features/reports/useReportSummary'
import { ROUTES, withQuery } from '@/services/routes'

export default function ReportAreaPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['committee', 'street']} testid='report-staff-not-allowed'>
      <Area />
    </StaffGate>
  )
}

function Area() {
  const [filters, setFilters] = useState<AreaFilters>(NO_FILTERS)
  const summary = useReportSummary('')
  const list = useAreaReports(filters)
  const community = useCommunity()
  // the grid filter: the community's grids, else the grids the summary knows (a street sees several communities)
  const grids = summary.summary?.byGrid.length
    ? summary.summary.byGrid.map((g) => ({ id: g.gridId, name: g.gridName }))
    : (community.data?.grids ?? [])
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else {
      void summary.reload({ silent: true })
      void list.refresh()
    }
  })
  usePullDownRefresh(() => {
    void Promise.all([summary.reload({ silent: true }), list.refresh()]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  return (
    <AreaScreen
      summary={summary}
      list={list}
      filters={filters}
      onFilters={setFilters}
      grids={grids}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
    />
  )
}
