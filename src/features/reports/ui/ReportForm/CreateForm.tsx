import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { DraftRestored } from '@/components/DraftRestored'
import { useNearby } from '../../useNearby'
import { useCreateReport } from '../../useReportDraft'
import { Fields } from './Fields'
import { NearbyOffer } from './NearbyOffer'
import { Submit } from './Submit'
import type { ReportFormProps } from './types'

/** A new report: the draft is restored and kept on the device; nearby reports are offered before submitting. */
export function CreateForm({ me, presetCategory, onSaved, onOpenReport, onInvalid }: ReportFormProps) {
  const f = useCreateReport(me.id, presetCategory)
  const nearby = useNearby(f.form.location, f.form.category)
  const onSubmit = async () => {
    const r = await f.submit()
    if (r.ok) onSaved(r.report)
    else if (r.reason === 'invalid') onInvalid?.()
  }
  const supportOne = async (id: string) => {
    const supporters = await nearby.support(id)
    if (supporters === null) return
    void Promise.resolve(Taro.showToast({ title: `已记录，共 ${supporters} 人遇到`, icon: 'none', duration: 2000 })).catch(() => undefined)
    onOpenReport(id)
  }
  return (
    <View className='gz-page report-form' data-testid='report-form'>
      {f.restoredAt ? <DraftRestored savedAt={f.restoredAt} onDiscard={f.discardDraft} /> : null}
      {f.lostPhotos > 0 ? (
        <View className='gz-banner gz-banner--error' data-testid='photos-lost'>
          <Text>有 {f.lostPhotos} 张照片已失效，请在下面重新添加。</Text>
        </View>
      ) : null}
      <Fields form={f.form} errors={f.errors} visibility={f.visibility} setField={f.setField} setPhotos={f.setPhotos} withLocation />
      {nearby.items.length ? (
        <NearbyOffer items={nearby.items} supporting={nearby.supporting} error={nearby.error} onSupport={supportOne} onOpen={onOpenReport} onDismiss={nearby.dismiss} />
      ) : null}
      <Submit
        submitting={f.submitting}
        submitError={f.submitError}
        label='提交'
        loadingText='正在提交…'
        kept='您填写的内容已保存在本机，网络好了再点“提交”，不会重复上报。'
        onSubmit={() => void onSubmit()}
      />
      <Text className='gz-muted'>草稿会自动保存在本机，提交成功后清除。</Text>
    </View>
  )
}
