import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { useRequireSession } from '@/features/auth/useSession'
import { IncidentForm } from '@/features/patrols/ui/IncidentForm'
import { scrollToFirstError } from '@/services/nav'
import { ROUTES, withQuery } from '@/services/routes'

/** 发现隐患 on the shift `?id=`. */
export default function IncidentPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.id) return <View className='gz-page' />
  const shiftId = params.id
  return (
    <>
      <IncidentForm
        shiftId={shiftId}
        onOpenReport={(id) => void Taro.redirectTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
        onBack={() => Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url: withQuery(ROUTES.shiftDetail, { id: shiftId }) }))}
        onInvalid={scrollToFirstError}
      />
      <PrivacyConsent />
    </>
  )
}
