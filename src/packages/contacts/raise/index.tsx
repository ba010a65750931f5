import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { RaiseForm } from '@/features/contacts/ui/RaiseForm'
import { useRaiseOnBehalf } from '@/features/contacts/useContacts'
import { ROUTES, withQuery } from '@/services/routes'

/** 代为上报 for one household (?id=…&address=…); on success the report's own page. */
export default function RaiseOnBehalfPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  const f = useRaiseOnBehalf(params.id ?? '')
  if (!session) return <View className='gz-page' />
  return (
    <RaiseForm
      address={decodeURIComponent(params.address ?? '')}
      f={f}
      onDone={(id) => void Taro.redirectTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
    />
  )
}
