import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { ResultScreen } from '@/features/motions/ui/ResultScreen'

export default function MotionResultPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.id) return <View className='gz-page' />
  return <ResultScreen id={params.id} />
}
