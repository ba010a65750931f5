import Taro, { useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { usePullToRefresh } from '@/features/common/usePageShell'
import { MyReports } from '@/features/reports/ui/MyReports'
import { useReportCounts } from '@/features/reports/useReportCounts'
import { useReportList } from '@/features/reports/useReportList'
import { ROUTES, withQuery } from '@/services/routes'

export default function MyReportsPage() {
  const session = useRequireSession()
  return session ? <Mine userId={session.user.id} /> : <View className='gz-page' />
}

function Mine({ userId }: { userId: string }) {
  const list = useReportList('mine')
  const figures = useReportCounts(userId)
  usePullToRefresh(() => Promise.all([list.refresh(), figures.reload({ silent: true })]))
  useReachBottom(() => {
    void list.loadMore()
  })
  return (
    <MyReports
      list={list}
      figures={figures}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
      onNew={() => void Taro.switchTab({ url: ROUTES.report })}
    />
  )
}
