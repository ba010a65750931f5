import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { MOTION_ROUTES } from '@/features/motions/routes'
import { DraftForm } from '@/features/motions/ui/DraftForm'
import { StaffGate } from '@/components/StaffGate'
import { WORKSPACE_GATES } from '@/features/workspace/gates'
import { withQuery } from '@/services/routes'

export default function MotionDraftPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  if (!session) return <View className='gz-page' />
  const id = params.id || null
  return (
    <StaffGate me={session.user} {...WORKSPACE_GATES.committee}>
      <DraftForm
        userId={session.user.id}
        id={id}
        onSaved={(m, created) => {
          void Taro.showToast({ title: created ? '草稿已保存' : '已保存修改', icon: 'success' })
          setTimeout(() => {
            if (created) void Taro.redirectTo({ url: withQuery(MOTION_ROUTES.detail, { id: m.id }) })
            else void Taro.navigateBack()
          }, 600)
        }}
        onInvalid={() =>
          setTimeout(() => {
            Promise.resolve(Taro.pageScrollTo({ selector: '.gz-field--error, .motion-draft__item--error', duration: 300 })).catch(() => undefined)
          }, 50)
        }
      />
    </StaffGate>
  )
}
