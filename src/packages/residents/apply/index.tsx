import { View } from '@tarojs/components'
import { useSession } from '@/features/auth/useSession'
import { ApplyScreen } from '@/features/residents/ui/ApplyScreen'
import { backTo, scrollToFirstError } from '@/services/nav'
import { ROUTES } from '@/services/routes'

export default function ResidentApplyPage() {
  const session = useSession()
  if (!session) return <View className='gz-page' />
  return <ApplyScreen me={session.user} onBack={() => backTo(ROUTES.me)} onInvalid={scrollToFirstError} />
}

