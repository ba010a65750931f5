import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { usePullToRefresh } from '@/features/common/usePageShell'
import { ContactOverview } from '@/features/contacts/ui/ContactOverview'
import { useContactOverview } from '@/features/contacts/useContacts'

/** 联系户管理 (committee): cadres, households without a contact, 指派. */
export default function ContactOverviewPage() {
  const session = useRequireSession()
  const o = useContactOverview(!!session)
  usePullToRefresh(() => o.overview.reload({ silent: true }))
  if (!session) return <View className='gz-page' />
  return <ContactOverview o={o} />
}
