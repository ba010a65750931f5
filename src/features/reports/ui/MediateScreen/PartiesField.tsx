import { Input, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { FormField } from '@/components/FormField'
import type { MediateForm, useMediate } from '../../useMediate'

const MAX_PARTIES = 10

interface Props {
  parties: MediateForm['parties']
  error?: string
  setForm: ReturnType<typeof useMediate>['setForm']
}

/** 当事人: one row (name, role) per party, at least two, at most MAX_PARTIES. */
export function PartiesField({ parties, error, setForm }: Props) {
  return (
    <FormField
      label='当事人'
      name='parties'
      required
      hint='至少两方；姓名只对工作人员显示，居民看到的是遮挡后的姓名'
      error={error}
    >
      {parties.map((p, i) => (
        <View key={i} className='mediate-party' data-testid={`party-${i}`}>
          <Input
            className='gz-input mediate-party__name'
            value={p.name}
            maxlength={20}
            placeholder={`第 ${i + 1} 方姓名`}
            onInput={(e) => {
              const name = e.detail.value
              setForm(
                (x) => ({ ...x, parties: x.parties.map((q, j) => (j === i ? { ...q, name } : q)) }),
                'parties',
              )
            }}
            data-testid={`party-${i}-name`}
          />
          <Input
            className='gz-input mediate-party__role'
            value={p.role}
            maxlength={20}
            placeholder='身份（选填），如 3栋住户'
            onInput={(e) => {
              const role = e.detail.value
              setForm(
                (x) => ({ ...x, parties: x.parties.map((q, j) => (j === i ? { ...q, role } : q)) }),
                'parties',
              )
            }}
            data-testid={`party-${i}-role`}
          />
          {parties.length > 2 ? (
            <ActionButton
              kind='plain'
              testid={`party-${i}-remove`}
              onClick={() =>
                setForm((x) => ({ ...x, parties: x.parties.filter((_, j) => j !== i) }), 'parties')
              }
            >
              删除
            </ActionButton>
          ) : null}
        </View>
      ))}
      {parties.length < MAX_PARTIES ? (
        <ActionButton
          kind='secondary'
          testid='party-add'
          onClick={() =>
            setForm((x) => ({ ...x, parties: [...x.parties, { name: '', role: '' }] }), 'parties')
          }
        >
          ＋ 添加当事人
        </ActionButton>
      ) : null}
    </FormField>
  )
}
