import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { usePullToRefresh, useShownAgain } from '@/features/common/usePageShell'
import { CadreHouseholds } from '@/features/contacts/ui/CadreHouseholds'
import { useMyContacts } from '@/features/contacts/useContacts'
import { ROUTES, withQuery } from '@/services/routes'

/** 我联系的住户: a cadre's households; 记录联系 and 代为上报 open their forms. */
export default function CadreHouseholdsPage() {
  const session = useRequireSession()
  const mine = useMyContacts(!!session)
  usePullToRefresh(() => mine.reload({ silent: true }))
  useShownAgain(() => void mine.reload({ silent: true }))
  if (!session) return <View className='gz-page' />
  return (
    <CadreHouseholds
      mine={mine}
      onLog={(id, address) => void Taro.navigateTo({ url: withQuery(ROUTES.contactLog, { id, address }) })}
      onRaise={(id, address) => void Taro.navigateTo({ url: withQuery(ROUTES.contactRaise, { id, address }) })}
    />
  )
}
