import { Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { DateTimeField } from '@/components/DateTimeField'
import { FormField } from '@/components/FormField'
import { CONTACT_KIND_LABELS, CONTACT_KINDS, type ContactKind } from '@/domain/contacts'
import type { useLogContact } from '../useContacts'
import './contacts.scss'

const KIND_CHOICES = CONTACT_KINDS.map((k) => ({ value: k, label: CONTACT_KIND_LABELS[k] }))
export const NOTE_MAX = 500

interface Props {
  address: string
  f: ReturnType<typeof useLogContact>
  onDone: () => void
}

/** 记录联系: how (走访, 电话, 微信), when (not later than now), what was said; the note is for staff only. */
export function LogContactForm({ address, f, onDone }: Props) {
  const submit = async () => {
    if (await f.submit()) onDone()
  }
  return (
    <View className='gz-page contact-form' data-testid='log-contact-form'>
      <View className='gz-banner gz-banner--info'>
        <Text>{`记录与 ${address} 的联系。内容只有您和社区工作人员能看到，不会给住户或邻居看。`}</Text>
      </View>
      <Card>
        <FormField label='联系方式' name='kind' required error={f.errors.kind}>
          <ChoiceChips<ContactKind> options={KIND_CHOICES} value={f.form.kind} onChange={(v) => f.setField('kind', v)} testidPrefix='kind' />
        </FormField>
        <FormField label='联系时间' name='at' required error={f.errors.at} hint='不能晚于现在'>
          <DateTimeField value={f.form.at} onChange={(v) => f.setField('at', v)} testid='log-at' />
        </FormField>
        <FormField label='联系情况' name='note' required error={f.errors.note} hint={`已写 ${[...f.form.note].length}/${NOTE_MAX} 字`}>
          <TextArea
            className='contact-form__textarea'
            value={f.form.note}
            maxLength={NOTE_MAX}
            rows={5}
            placeholder='例如：上门看望，老人身体还好，提醒注意用电安全'
            onChange={(v) => f.setField('note', v)}
            data-testid='log-note'
          />
        </FormField>
      </Card>
      {f.submitError && f.submitError.code !== 'INVALID_INPUT' ? (
        <View className='gz-banner gz-banner--error' data-testid='log-error'>
          <Text>{`没有保存成功：${f.submitError.message}`}</Text>
          <Text>填写的内容还在，再点“保存”不会重复记录。</Text>
        </View>
      ) : null}
      <ActionButton kind='primary' size='large' block testid='log-submit' loading={f.submitting} loadingText='正在保存…' onClick={() => void submit()}>
        保存
      </ActionButton>
    </View>
  )
}
