import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { useRequireSession } from '@/features/auth/useSession'
import { WarningDetail } from '@/features/warnings/ui/WarningDetail'
import { ROUTES, withQuery } from '@/services/routes'

/** A warning `?id=`: its figures, the reports it counts, its 会商研判. */
export default function WarningDetailPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.id) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee', 'street', 'district', 'city']} testid='warnings-not-allowed'>
      <WarningDetail id={params.id} onOpenReport={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })} />
    </StaffGate>
  )
}
