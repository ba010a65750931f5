import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { TIERS } from '@/domain/shared/roles'
import { useRequireSession } from '@/features/auth/useSession'
import { MediateScreen } from '@/features/reports/ui/MediateScreen'
import { StaffGate } from '@/components/StaffGate'
import { useMediate } from '@/features/reports/useMediate'
import { backTo } from '@/services/nav'
import { ROUTES, withQuery } from '@/services/routes'

export default function ReportMediatePage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee', ...TIERS]} testid='report-staff-not-allowed'>
      <Mediate />
    </StaffGate>
  )
}

function Mediate() {
  const { params } = useRouter()
  const m = useMediate(params.id)
  return (
    <MediateScreen
      m={m}
      missingId={!params.id}
      onDone={(report) => {
        // the detail page shows the record and, for an unsettled dispute, offers 上报 in its 办理 panel
        try {
          Promise.resolve(Taro.showToast({ title: '已保存', icon: 'success' })).catch(() => undefined)
        } catch {
          // no toast outside a page
        }
        backTo(withQuery(ROUTES.reportDetail, { id: report.id }))
      }}
    />
  )
}
