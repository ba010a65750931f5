import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useSession } from '@/features/auth/useSession'
import { PublishNoticeForm } from '@/features/notices/ui/PublishNoticeForm'
import { ROUTES, withQuery } from '@/services/routes'

export default function PublishNoticePage() {
  const session = useSession()
  if (!session) return <View className='gz-page' />
  return (
    <PublishNoticeForm
      me={session.user}
      onPublished={(notice) => {
        void Taro.showToast({ title: '已发布', icon: 'success' })
        setTimeout(() => void Taro.redirectTo({ url: withQuery(ROUTES.noticeDetail, { id: notice.id }) }), 600)
      }}
      onInvalid={() => {
        // after the errors have rendered: bring the first one into view
        setTimeout(() => {
          Promise.resolve(Taro.pageScrollTo({ selector: '.gz-field--error', duration: 300 })).catch(() => undefined)
        }, 50)
      }}
    />
  )
}
