import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { RiskForm } from '@/features/motions/ui/RiskForm'

export default function MotionRiskPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session || !params.id) return <View className='gz-page' />
  return <RiskForm id={params.id} onFiled={() => void Taro.navigateBack()} />
}
