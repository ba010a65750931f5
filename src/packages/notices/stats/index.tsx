import { useRouter } from '@tarojs/taro'
import { usePullToRefresh } from '@/features/common/usePageShell'
import { NoticeStatsScreen } from '@/features/notices/ui/NoticeStatsScreen'
import { useNoticeStats } from '@/features/notices/useNoticeStats'

export default function NoticeStatsPage() {
  const { params } = useRouter()
  const stats = useNoticeStats(params.id)
  usePullToRefresh(() => stats.reload({ silent: true }))
  const title = params.title ? decodeURIComponent(params.title) : ''
  return <NoticeStatsScreen id={params.id} title={title} stats={stats} missingId={!params.id} />
}
