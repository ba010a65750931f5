import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { LogContactForm } from '@/features/contacts/ui/LogContactForm'
import { useLogContact } from '@/features/contacts/useContacts'

/** 记录联系 for one household (?id=…&address=…). */
export default function LogContactPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  const f = useLogContact(params.id ?? '')
  if (!session) return <View className='gz-page' />
  const done = () => {
    void Taro.showToast({ title: '已记录', icon: 'success' })
    void Taro.navigateBack()
  }
  return <LogContactForm address={decodeURIComponent(params.address ?? '')} f={f} onDone={done} />
}
