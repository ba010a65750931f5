import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { TIERS } from '@/domain/shared/roles'
import { useRequireSession } from '@/features/auth/useSession'
import { MeetingScreen, useRecordMeeting } from '@/features/meetings'
import { StaffGate } from '@/components/StaffGate'
import { backTo } from '@/services/nav'
import { ROUTES, withQuery } from '@/services/routes'

export default function MeetingRecordPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['committee', ...TIERS]} testid='meeting-staff-not-allowed'>
      <Record />
    </StaffGate>
  )
}

function Record() {
  const { params } = useRouter()
  const m = useRecordMeeting(params.id)
  return (
    <MeetingScreen
      m={m}
      missingId={!params.id}
      onDone={(meeting) => {
        try {
          Promise.resolve(Taro.showToast({ title: '已保存', icon: 'success' })).catch(() => undefined)
        } catch {
          // no toast outside a page
        }
        backTo(withQuery(ROUTES.reportDetail, { id: meeting.reportId }))
      }}
    />
  )
}
