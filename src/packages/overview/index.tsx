import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { TIERS } from '@/domain/shared/roles'
import { StaffGate } from '@/components/StaffGate'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { OverviewScreen } from '@/features/overview/ui/OverviewScreen'
import type { ListLinks } from '@/features/overview/ui/OverviewCards'
import { useOverview } from '@/features/overview/useOverview'
import { areaListQueries } from '@/features/overview/listLinks'
import { OVERVIEW_MAP_ROUTES } from '@/features/overview'
import { LedgerExportButton } from '@/features/ledger'
import { ROUTES, withQuery } from '@/services/routes'

/** 总览: the figures of the caller's area (grid worker, committee, street, district, city). */
export default function OverviewPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee', ...TIERS]} testid='overview-not-allowed'>
      <Page me={session.user} />
    </StaffGate>
  )
}

const open = (query: Record<string, string>) => void Taro.navigateTo({ url: withQuery(ROUTES.reportArea, query) })

function Page({ me }: { me: Me }) {
  const o = useOverview(me.id)
  usePageShell({ refresh: () => o.reload({ silent: true }), loadMore: async () => undefined })
  // the area's report list (问题总览) is the committee's and the tiers'; a grid worker's figures open no list
  // each figure opens the list it counts: its period, its community (areaListQueries)
  const q = o.data ? areaListQueries(o.data) : null
  const names = new Map([...(o.data?.trends.bySubArea ?? []), ...(o.data?.comparison ?? [])].map((u) => [u.id, u.name]))
  const links: ListLinks | undefined = !q || (hasRole(me, 'gridWorker') && !hasRole(me, 'committee') && !TIERS.some((t) => hasRole(me, t)))
    ? undefined
    : {
        category: (category) => open(q.category(category)),
        grid: q.subArea('', '') ? (id) => open(q.subArea(id, names.get(id) ?? '') ?? {}) : undefined,
        overdue: () => open(q.overdue()),
        slice: ({ from, to, category, subAreaId }) => {
          const query = category ? q.slice({ from, to }, { category }) : q.slice({ from, to }, { subAreaId: subAreaId ?? '', name: names.get(subAreaId ?? '') ?? '' })
          if (query) open(query)
        },
      }
  return (
    <OverviewScreen
      data={o.data}
      status={o.status}
      error={o.error}
      choice={o.choice}
      onChoice={o.setChoice}
      waitingForDates={o.waitingForDates}
      onRetry={() => void o.reload()}
      links={links}
      onOpenMap={() => void Taro.navigateTo({ url: OVERVIEW_MAP_ROUTES.map })}
      footer={<LedgerExportButton />}
    />
  )
}
