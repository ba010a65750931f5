import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { REPORT_LEVEL_OFFICES } from '@/domain/reports'
import { TIERS, tierOf } from '@/domain/shared/roles'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { QueueScreen, type QueueLevel } from '@/features/reports/ui/QueueScreen'
import { useReportCounts } from '@/features/reports/useReportCounts'
import { StaffGate } from '@/components/StaffGate'
import { useReportQueue } from '@/features/reports/useReportQueue'
import { ROUTES, withQuery } from '@/services/routes'

/** Whose queue report.list { scope: 'queue' } gives this person (the server's order: grids, 社区, their highest tier). */
function levelOf(me: Me): QueueLevel {
  if (hasRole(me, 'gridWorker') && me.grids.length > 0) return 'grid'
  if (hasRole(me, 'committee')) return 'community'
  return tierOf(me.roles) ?? 'grid'
}

function levelText(me: Me): string {
  const level = levelOf(me)
  if (level !== 'grid') return REPORT_LEVEL_OFFICES[level]
  return me.grids.length ? me.grids.map((g) => g.name).join('、') : '您负责的网格'
}

export default function ReportQueuePage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee', ...TIERS]} testid='report-staff-not-allowed'>
      <Queue me={session.user} />
    </StaffGate>
  )
}

function Queue({ me }: { me: Me }) {
  const list = useReportQueue()
  const figures = useReportCounts(me.id)
  // back from a report: its row is updated by event; a quiet refresh brings new ones and the order
  usePageShell({
    refresh: () => Promise.all([list.refresh(), figures.reload({ silent: true })]),
    loadMore: list.loadMore,
  })
  return (
    <QueueScreen
      list={list}
      figures={figures}
      level={levelOf(me)}
      levelText={levelText(me)}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
    />
  )
}
