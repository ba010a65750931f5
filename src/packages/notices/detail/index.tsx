import { useRouter } from '@tarojs/taro'
import { NoticeDetailScreen } from '@/features/notices/ui/NoticeDetailScreen'

export default function NoticeDetailPage() {
  const { params } = useRouter()
  return <NoticeDetailScreen id={params.id} />
}
