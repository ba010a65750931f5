import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import { ACTION_KINDS, ACTION_KIND_LABELS, JUDGEMENTS, JUDGEMENT_LABELS, warningAssessSchema, type ActionKind, type Judgement, type WarningAssessInput } from '@/domain/warnings'
import type { ApiError } from '@/services/apiError'
import { detailsToErrors, issuesToErrors } from '../../common/formErrors'

const FIELDS = ['participants', 'judgement', 'actions', 'note'] as const
const JUDGEMENT_CHOICES = JUDGEMENTS.map((j) => ({ value: j, label: JUDGEMENT_LABELS[j] }))

/** 会商研判: who else looked, the judgement, the actions taken, a note, and whether the warning is closed. */
export function AssessForm({
  warningId,
  onSubmit,
  saving,
  error,
}: {
  warningId: string
  onSubmit: (input: WarningAssessInput) => Promise<boolean>
  saving: boolean
  error: ApiError | null
}) {
  const [participants, setParticipants] = useState('')
  const [judgement, setJudgement] = useState<Judgement | ''>('')
  const [actions, setActions] = useState<Partial<Record<ActionKind, string>>>({})
  const [note, setNote] = useState('')
  const [close, setClose] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({})

  const send = async () => {
    const input = {
      id: warningId,
      participants: participants.split(/[，,、\s]+/).filter(Boolean),
      judgement,
      actions: ACTION_KINDS.filter((k) => actions[k] !== undefined).map((k) => ({ kind: k, note: actions[k]!.trim() })),
      note: note.trim(),
      close,
    }
    const parsed = warningAssessSchema.safeParse(input)
    if (!parsed.success) return setErrors(issuesToErrors(parsed.error.issues, FIELDS))
    setErrors({})
    if (await onSubmit(parsed.data)) {
      setParticipants('')
      setJudgement('')
      setActions({})
      setNote('')
      setClose(false)
    }
  }
  const serverErrors = error?.details ? detailsToErrors(error.details, FIELDS) : {}
  const shown = { ...serverErrors, ...errors }

  return (
    <Card title='会商研判' testid='warning-assess'>
      <FormField label='一起研判的人' name='participants' error={shown.participants} hint='您之外的参与人，用顿号或逗号隔开，例如：陈秀兰、物业王经理'>
        <Input className='gz-input' value={participants} placeholder='参与人姓名' onInput={(e) => setParticipants(e.detail.value)} data-testid='assess-participants' />
      </FormField>
      <FormField label='研判结论' name='judgement' required error={shown.judgement}>
        <ChoiceChips<Judgement> options={JUDGEMENT_CHOICES} value={judgement} onChange={setJudgement} testidPrefix='assess-judgement' />
      </FormField>
      <FormField label='采取的措施' name='actions' error={shown.actions}>
        {ACTION_KINDS.map((k) => (
          <ToggleRow
            key={k}
            label={ACTION_KIND_LABELS[k]}
            checked={actions[k] !== undefined}
            onChange={(on) => setActions((a) => (on ? { ...a, [k]: '' } : Object.fromEntries(Object.entries(a).filter(([x]) => x !== k))))}
            testid={`assess-action-${k}`}
          >
            {actions[k] !== undefined ? (
              <Input
                className='gz-input'
                value={actions[k]}
                maxlength={200}
                placeholder='说明，例如：周五晚加巡一次'
                onInput={(e) => setActions((a) => ({ ...a, [k]: e.detail.value }))}
                data-testid={`assess-action-note-${k}`}
              />
            ) : null}
          </ToggleRow>
        ))}
      </FormField>
      <FormField label='研判意见' name='note' error={shown.note} hint={`最多 500 字，已写 ${[...note].length} 字`}>
        <Textarea className='gz-textarea' value={note} maxlength={500} placeholder='原因分析、下一步安排' onInput={(e) => setNote(e.detail.value)} data-testid='assess-note' />
      </FormField>
      <ToggleRow label='研判后关闭预警' hint='关闭后不能再研判；需要继续关注时不要关闭' checked={close} onChange={setClose} testid='assess-close' />
      {error && !error.details ? (
        <Text className='warnings__error' data-testid='assess-error'>
          没有保存成功：{error.message}
        </Text>
      ) : null}
      <View>
        <ActionButton block loading={saving} loadingText='正在保存…' testid='assess-submit' onClick={() => void send()}>
          {close ? '保存并关闭预警' : '保存研判'}
        </ActionButton>
      </View>
    </Card>
  )
}
