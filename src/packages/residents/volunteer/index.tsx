import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useSession } from '@/features/auth/useSession'
import { VolunteerScreen } from '@/features/residents/ui/VolunteerScreen'
import { backTo } from '@/services/nav'
import { ROUTES } from '@/services/routes'

export default function VolunteerApplyPage() {
  const session = useSession()
  if (!session) return <View className='gz-page' />
  return (
    <VolunteerScreen
      me={session.user}
      onBack={() => backTo(ROUTES.me)}
      onGoApply={() => void Taro.redirectTo({ url: ROUTES.residentApply })}
    />
  )
}
