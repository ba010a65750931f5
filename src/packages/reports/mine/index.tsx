import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { MyReports } from '@/features/reports/ui/MyReports'
import { useReportList } from '@/features/reports/useReportList'
import { ROUTES, withQuery } from '@/services/routes'

export default function MyReportsPage() {
  const session = useRequireSession()
  return session ? <Mine /> : <View className='gz-page' />
}

function Mine() {
  const list = useReportList('mine')
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  return (
    <MyReports
      list={list}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
      onNew={() => void Taro.switchTab({ url: ROUTES.report })}
    />
  )
}
