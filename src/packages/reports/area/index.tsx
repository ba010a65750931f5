import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { TIERS, tierOf } from '@/domain/shared/roles'
import { useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { useCommunity } from '@/features/community/useCommunity'
import { DisputeFiguresCard } from '@/features/meetings'
import { WarningFiguresCard } from '@/features/warnings'
import { LedgerExportButton } from '@/features/ledger'
import { AreaScreen } from '@/features/reports/ui/AreaScreen'
import { areaUnitOf } from '@/features/reports/staffFormat'
import { StaffGate } from '@/components/StaffGate'
import { filtersFromQuery, useAreaReports, type AreaFilters } from '@/features/reports/useReportQueue'
import { useReportSummary } from '@/features/reports/useReportSummary'
import { ROUTES, withQuery } from '@/services/routes'

export default function ReportAreaPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['committee', ...TIERS]} testid='report-staff-not-allowed'>
      <Area me={session.user} />
    </StaffGate>
  )
}

function Area({ me }: { me: Me }) {
  // 总览's figures open this list with their filter in the address
  const [filters, setFilters] = useState<AreaFilters>(() => filtersFromQuery(Taro.getCurrentInstance()?.router?.params))
  const summary = useReportSummary('')
  const list = useAreaReports(filters)
  const community = useCommunity()
  // the grid filter: the grids the summary knows (a street sees several communities), else the committee's own;
  // none above the street, whose figures go by street or district
  const grids = summary.summary?.byGrid.length
    ? summary.summary.byGrid.map((g) => ({ id: g.gridId, name: g.gridName }))
    : tierOf(me.roles)
      ? []
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
      areaUnit={areaUnitOf(me.roles)}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
      extra={
        <>
          <WarningFiguresCard />
          <DisputeFiguresCard />
          <LedgerExportButton />
        </>
      }
    />
  )
}
