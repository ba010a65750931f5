import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { usePullToRefresh } from '@/features/common/usePageShell'
import { MyVolunteer } from '@/features/patrols/ui/MyVolunteer'
import { useVolunteer } from '@/features/patrols/useVolunteer'
import { ROUTES, withQuery } from '@/services/routes'

/** 我的志愿: my hours and shifts, and the community's monthly board. */
export default function MyVolunteerPage() {
  const session = useRequireSession()
  const v = useVolunteer(!!session)
  usePullToRefresh(v.refresh)
  if (!session) return <View className='gz-page' />
  return <MyVolunteer v={v} onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.shiftDetail, { id }) })} />
}
