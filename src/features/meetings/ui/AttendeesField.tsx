import { Input, View } from '@tarojs/components'
import { MEETING_LIMITS } from '@/domain/meetings'
import { ActionButton } from '@/components/ActionButton'
import { FormField } from '@/components/FormField'
import type { MeetingForm } from '../meetingForm'
import type { useRecordMeeting } from '../useRecordMeeting'

interface Props {
  attendees: MeetingForm['attendees']
  error?: string
  setForm: ReturnType<typeof useRecordMeeting>['setForm']
}

/** 参会人: a row (name, role) each, at least two. */
export function AttendeesField({ attendees, error, setForm }: Props) {
  const edit = (i: number, change: Partial<MeetingForm['attendees'][number]>) =>
    setForm((x) => ({ ...x, attendees: x.attendees.map((a, j) => (j === i ? { ...a, ...change } : a)) }), 'attendees')
  return (
    <FormField label='参会人' name='attendees' required hint='至少两位；姓名只对工作人员显示' error={error}>
      {attendees.map((a, i) => (
        <View key={i} className='meeting__row' data-testid={`attendee-${i}`}>
          <Input
            className='gz-input meeting__grow'
            value={a.name}
            maxlength={20}
            placeholder={`第 ${i + 1} 位姓名`}
            onInput={(e) => edit(i, { name: e.detail.value })}
            data-testid={`attendee-${i}-name`}
          />
          <Input
            className='gz-input meeting__grow'
            value={a.role}
            maxlength={20}
            placeholder='身份，如 当事人、司法所'
            onInput={(e) => edit(i, { role: e.detail.value })}
            data-testid={`attendee-${i}-role`}
          />
          {attendees.length > 2 ? (
            <ActionButton
              kind='plain'
              testid={`attendee-${i}-remove`}
              onClick={() => setForm((x) => ({ ...x, attendees: x.attendees.filter((_, j) => j !== i) }), 'attendees')}
            >
              删除
            </ActionButton>
          ) : null}
        </View>
      ))}
      {attendees.length < MEETING_LIMITS.attendees ? (
        <ActionButton
          kind='secondary'
          testid='attendee-add'
          onClick={() => setForm((x) => ({ ...x, attendees: [...x.attendees, { name: '', role: '' }] }), 'attendees')}
        >
          ＋ 添加参会人
        </ActionButton>
      ) : null}
    </FormField>
  )
}
