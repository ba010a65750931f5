import { Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { DESCRIPTION_MAX, DESCRIPTION_MIN, REPORT_CATEGORIES, REPORT_CATEGORY_HINTS, REPORT_CATEGORY_LABELS, type ReportCategory } from '@/domain/reports'
import type { useRaiseOnBehalf } from '../useContacts'
import './contacts.scss'

const CATEGORY_CHOICES = REPORT_CATEGORIES.map((c) => ({ value: c, label: REPORT_CATEGORY_LABELS[c] }))

interface Props {
  address: string
  f: ReturnType<typeof useRaiseOnBehalf>
  onDone: (reportId: string) => void
}

/** 代为上报: a report for a household without a smartphone, handled like any other and marked as raised on its behalf. */
export function RaiseForm({ address, f, onDone }: Props) {
  const submit = async () => {
    const id = await f.submit()
    if (id) onDone(id)
  }
  return (
    <View className='gz-page contact-form' data-testid='raise-form'>
      <View className='gz-banner gz-banner--info'>
        <Text>{`替 ${address} 的住户上报问题。问题会交给所在网格的网格员处理，进展由您跟进并告诉住户，处理记录里会注明“代为上报”。`}</Text>
      </View>
      <Card>
        <FormField label='问题类别' name='category' required error={f.errors.category} hint={f.form.category ? REPORT_CATEGORY_HINTS[f.form.category] : undefined}>
          <ChoiceChips<ReportCategory> options={CATEGORY_CHOICES} value={f.form.category} onChange={(v) => f.setField('category', v)} testidPrefix='category' />
        </FormField>
        <FormField label='住户反映的问题' name='description' required error={f.errors.description} hint={`至少 ${DESCRIPTION_MIN} 个字，已写 ${[...f.form.description].length}/${DESCRIPTION_MAX} 字`}>
          <TextArea
            className='contact-form__textarea'
            value={f.form.description}
            maxLength={DESCRIPTION_MAX}
            rows={5}
            placeholder='例如：楼道灯坏了，老人晚上看不清台阶'
            onChange={(v) => f.setField('description', v)}
            data-testid='raise-description'
          />
        </FormField>
      </Card>
      {f.submitError && f.submitError.code !== 'INVALID_INPUT' ? (
        <View className='gz-banner gz-banner--error' data-testid='raise-error'>
          <Text>{`没有提交成功：${f.submitError.message}`}</Text>
          <Text>填写的内容还在，再点“提交”不会重复上报。</Text>
        </View>
      ) : null}
      <ActionButton kind='primary' size='large' block testid='raise-submit' loading={f.submitting} loadingText='正在提交…' onClick={() => void submit()}>
        提交
      </ActionButton>
    </View>
  )
}
