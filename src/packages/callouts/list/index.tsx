import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { CALLOUT_ROUTES } from '@/features/callouts/routes'
import { CalloutList } from '@/features/callouts/ui/CalloutList'
import { withQuery } from '@/services/routes'

export default function CalloutListPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <>
      <CalloutList
        userId={session.user.id}
        committee={hasRole(session.user, 'committee')}
        onOpen={(id) => void Taro.navigateTo({ url: withQuery(CALLOUT_ROUTES.detail, { id }) })}
        onIssue={() => void Taro.navigateTo({ url: CALLOUT_ROUTES.issue })}
      />
      <PrivacyConsent />
    </>
  )
}
