import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { CALLOUT_ROUTES } from '@/features/callouts/routes'
import { IssueCalloutForm } from '@/features/callouts/ui/IssueCalloutForm'
import { useCommunity } from '@/features/community'
import { withQuery } from '@/services/routes'

/** The committee issues a call-out; then its live headcount page opens. */
export default function IssueCalloutPage() {
  const session = useRequireSession()
  const community = useCommunity()
  if (!session) return <View className='gz-page' />
  if (!hasRole(session.user, 'committee')) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--info'>
          <Text>只有社区/村委会可以发起动员。</Text>
        </View>
      </View>
    )
  }
  return (
    <>
      <IssueCalloutForm
        userId={session.user.id}
        grids={community.data?.grids ?? []}
        onIssued={(c) => void Taro.redirectTo({ url: withQuery(CALLOUT_ROUTES.detail, { id: c.id }) })}
      />
      <PrivacyConsent />
    </>
  )
}
