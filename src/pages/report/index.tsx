import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Session } from '@/domain/auth'
import { isStaff } from '@/domain/shared/roles'
import { useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
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
  const staff = isStaff(me.roles)
  // a functional department's staff: their 交办队列 instead of a grid's or level's queue
  const department = !staff && me.roles.includes('department')
  const list = useReportList('public')
  const counts = useReportCounts(me.id)

  usePageShell({
    refresh: () => Promise.all([list.refresh(), counts.reload({ silent: true })]),
    loadMore: list.loadMore,
    staleAfterMs: STALE_AFTER_MS,
  })

  return (
    <ReportHome
      staff={staff || department}
      staffText={department ? '交办给本部门的问题，按办理期限排列' : undefined}
      list={list}
      counts={counts}
      onNew={(category) => void Taro.navigateTo({ url: withQuery(ROUTES.reportNew, { category }) })}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
      onMine={() => void Taro.navigateTo({ url: ROUTES.reportMine })}
      onQueue={() => void Taro.navigateTo({ url: department ? ROUTES.departmentQueue : ROUTES.reportQueue })}
    />
  )
}
