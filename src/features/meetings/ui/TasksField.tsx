import { Input, Picker, Text, View } from '@tarojs/components'
import { MEETING_LIMITS, type MeetingOwnerOption } from '@/domain/meetings'
import { ActionButton } from '@/components/ActionButton'
import { FormField } from '@/components/FormField'
import { dayText } from '../format'
import { today, type MeetingForm } from '../meetingForm'
import type { useRecordMeeting } from '../useRecordMeeting'

interface Props {
  tasks: MeetingForm['tasks']
  owners: MeetingOwnerOption[]
  error?: string
  setForm: ReturnType<typeof useRecordMeeting>['setForm']
}

/** 后续任务: what, who (from the staff who can work on the dispute), by when. They land in the owner's 待办. */
export function TasksField({ tasks, owners, error, setForm }: Props) {
  const edit = (i: number, change: Partial<MeetingForm['tasks'][number]>) =>
    setForm((x) => ({ ...x, tasks: x.tasks.map((t, j) => (j === i ? { ...t, ...change } : t)) }), 'tasks')
  const labels = owners.map((o) => o.label)
  return (
    <FormField label='后续任务' name='tasks' hint='选填；每项任务会出现在负责人的待办里，并发消息提醒' error={error}>
      {tasks.map((t, i) => {
        const at = owners.findIndex((o) => o.id === t.ownerId)
        return (
          <View key={i} className='meeting__task' data-testid={`task-${i}`}>
            <Input
              className='gz-input'
              value={t.task}
              maxlength={200}
              placeholder='任务内容，如 周五前上门复查'
              onInput={(e) => edit(i, { task: e.detail.value })}
              data-testid={`task-${i}-text`}
            />
            <Picker mode='selector' range={labels} value={Math.max(at, 0)} onChange={(e) => edit(i, { ownerId: owners[Number(e.detail.value)]?.id ?? '' })}>
              <View className='gz-input' data-testid={`task-${i}-owner`}>
                <Text>{at >= 0 ? owners[at]!.label : '选择负责人'}</Text>
              </View>
            </Picker>
            <Picker mode='date' value={t.dueOn} start={today()} onChange={(e) => edit(i, { dueOn: String(e.detail.value) })}>
              <View className='gz-input' data-testid={`task-${i}-due`}>
                <Text>期限：{dayText(t.dueOn)}</Text>
              </View>
            </Picker>
            <ActionButton kind='plain' testid={`task-${i}-remove`} onClick={() => setForm((x) => ({ ...x, tasks: x.tasks.filter((_, j) => j !== i) }), 'tasks')}>
              删除这项任务
            </ActionButton>
          </View>
        )
      })}
      {tasks.length < MEETING_LIMITS.tasks ? (
        <ActionButton
          kind='secondary'
          testid='task-add'
          onClick={() => setForm((x) => ({ ...x, tasks: [...x.tasks, { ownerId: '', task: '', dueOn: today() }] }), 'tasks')}
        >
          ＋ 添加后续任务
        </ActionButton>
      ) : null}
    </FormField>
  )
}
