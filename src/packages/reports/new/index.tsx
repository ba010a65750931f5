import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { REPORT_CATEGORIES, type ReportCategory } from '@/domain/reports'
import { useRequireSession } from '@/features/auth/useSession'
import { ReportForm } from '@/features/reports/ui/ReportForm'
import { scrollToFirstError } from '@/services/nav'
import { ROUTES, withQuery } from '@/services/routes'

function asCategory(v: string | undefined): ReportCategory | undefined {
  return REPORT_CATEGORIES.find((c) => c === v)
}

/** 随手拍 form; `?id=` edits the reporter's own report, `?category=` comes from a tile of the tab. */
export default function ReportNewPage() {
  const session = useRequireSession()
  const { params } = useRouter()
  const editId = params.id || undefined
  if (!session) return <View className='gz-page' />
  return (
    <>
      <ReportForm
        me={session.user}
        editId={editId}
        presetCategory={asCategory(params.category)}
        onSaved={(report) => {
          void Promise.resolve(
            Taro.showToast({ title: editId ? '已保存' : '已提交', icon: 'success' }),
          ).catch(() => undefined)
          setTimeout(() => {
            if (editId)
              Taro.navigateBack().catch(() =>
                Taro.redirectTo({ url: withQuery(ROUTES.reportDetail, { id: report.id }) }),
              )
            else void Taro.redirectTo({ url: withQuery(ROUTES.reportDetail, { id: report.id }) })
          }, 600)
        }}
        onOpenReport={(id) => void Taro.redirectTo({ url: withQuery(ROUTES.reportDetail, { id }) })}
        onInvalid={scrollToFirstError}
      />
      <PrivacyConsent />
    </>
  )
}
