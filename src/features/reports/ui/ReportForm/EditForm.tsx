import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { useEditReport } from '../../useReportDraft'
import { Fields } from './Fields'
import { Submit } from './Submit'
import type { ReportFormProps } from './types'

/** The reporter's own report, while it may still be edited (no location, no nearby offer). */
export function EditForm({ editId, onSaved, onInvalid }: ReportFormProps & { editId: string }) {
  const f = useEditReport(editId)
  if (f.loadError) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--error' data-testid='edit-load-error'>
          <Text>没有加载出来：{f.loadError.message}</Text>
        </View>
        <ActionButton kind='secondary' onClick={f.reload}>
          重试
        </ActionButton>
      </View>
    )
  }
  if (!f.report) {
    return (
      <View className='gz-page' aria-busy='true'>
        <Text className='gz-muted'>正在加载…</Text>
      </View>
    )
  }
  if (!f.report.can.includes('edit')) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--info' data-testid='edit-not-allowed'>
          <Text>这个问题已受理，不能再修改了。</Text>
        </View>
      </View>
    )
  }
  const onSubmit = async () => {
    const r = await f.submit()
    if (r.ok) onSaved(r.report)
    else if (r.reason === 'invalid') onInvalid?.()
  }
  return (
    <View className='gz-page report-form' data-testid='report-form'>
      {f.report.status === 'returned' ? (
        <View className='gz-banner gz-banner--info'>
          <Text>工作人员请您补充情况，修改后会重新交给工作人员处理。</Text>
        </View>
      ) : null}
      <Fields form={f.form} errors={f.errors} visibility={f.visibility} setField={f.setField} setPhotos={f.setPhotos} />
      <Submit
        submitting={f.submitting}
        submitError={f.submitError}
        label='保存修改'
        loadingText='正在保存…'
        kept='您修改的内容还在，可以直接再点“保存修改”。'
        onSubmit={() => void onSubmit()}
      />
    </View>
  )
}
