import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { useRequireSession } from '@/features/auth/useSession'
import { VisitLogForm } from '@/features/visits/ui/VisitLogForm'
import { scrollToFirstError, scrollToTop } from '@/services/nav'
import { ROUTES, withQuery } from '@/services/routes'
import { VISIT_ROUTES } from '@/features/visits'

/** 记录走访, for the household `?householdId=` when one was tapped on the list. */
export default function VisitLogPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee']} testid='visits-not-allowed'>
      <VisitLogForm
        userId={session.user.id}
        householdId={params.householdId}
        onOpenReport={(id) => void Taro.redirectTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
        onOpenFile={(id) => void Taro.navigateTo({ url: withQuery(VISIT_ROUTES.file, { householdId: id }) })}
        onInvalid={scrollToFirstError}
        onDone={scrollToTop}
      />
      <PrivacyConsent />
    </StaffGate>
  )
}
