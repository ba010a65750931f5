import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { MOTION_ROUTES } from '@/features/motions/routes'
import { MotionDetail } from '@/features/motions/ui/MotionDetail'
import { withQuery } from '@/services/routes'

export default function MotionDetailPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.id) return <View className='gz-page' />
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <MotionDetail
      id={params.id}
      onEdit={(id) => go(withQuery(MOTION_ROUTES.draft, { id }))}
      onAssess={(id) => go(withQuery(MOTION_ROUTES.risk, { id }))}
      onOffline={(id) => go(withQuery(MOTION_ROUTES.offline, { id }))}
      onResult={(id) => go(withQuery(MOTION_ROUTES.result, { id }))}
    />
  )
}
