import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
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
  usePageShell({
    refresh: () => Promise.all([summary.reload({ silent: true }), list.refresh()]),
    loadMore: list.loadMore,
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
