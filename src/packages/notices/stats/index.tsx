import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { NoticeStatsScreen } from '@/features/notices/ui/NoticeStatsScreen'
import { useNoticeStats } from '@/features/notices/useNoticeStats'

export default function NoticeStatsPage() {
  const { params } = useRouter()
  const stats = useNoticeStats(params.id)
  usePullDownRefresh(() => {
    void stats.reload({ silent: true }).finally(() => Taro.stopPullDownRefresh())
  })
  const title = params.title ? decodeURIComponent(params.title) : ''
  return <NoticeStatsScreen id={params.id} title={title} stats={stats} missingId={!params.id} />
}
