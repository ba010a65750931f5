import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { useRequireSession } from '@/features/auth/useSession'
import { CalloutDetail } from '@/features/callouts/ui/CalloutDetail'

export default function CalloutDetailPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.id) return <View className='gz-page' />
  return (
    <>
      <CalloutDetail id={params.id} />
      <PrivacyConsent />
    </>
  )
}
