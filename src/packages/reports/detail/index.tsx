import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { useRequireSession } from '@/features/auth/useSession'
import { ReportMeetings } from '@/features/meetings'
import { ReportDetail } from '@/features/reports/ui/ReportDetail'
import { ROUTES, withQuery } from '@/services/routes'

export default function ReportDetailPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.id) return <View className='gz-page' />
  return (
    <>
      <ReportDetail
        id={params.id}
        onEdit={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportNew, { id }) })}
        extra={(report) => <ReportMeetings report={report} meId={session.user.id} />}
      />
      <PrivacyConsent />
    </>
  )
}
