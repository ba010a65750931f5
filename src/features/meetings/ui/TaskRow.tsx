import { Text, View } from '@tarojs/components'
import type { MeetingTaskView } from '@/domain/meetings'
import { ActionButton } from '@/components/ActionButton'
import { dayText } from '../format'

interface Props {
  task: MeetingTaskView
  /** the task is the viewer's and not done: offer 完成 */
  canComplete: boolean
  busy: boolean
  error: string | null
  onComplete: () => void
  /** a line above the task (the dispute it belongs to, in the 待办) */
  subject?: string
  onOpen?: () => void
}

/** One follow-up task: what, who, by when, done or overdue — in words, not colour alone. */
export function TaskRow({ task, canComplete, busy, error, onComplete, subject, onOpen }: Props) {
  return (
    <View className='meeting__task' data-testid={`meeting-task-${task.id}`}>
      {subject ? (
        <Text className='meeting__head' onClick={onOpen} data-testid='meeting-task-subject'>
          {subject}
        </Text>
      ) : null}
      <Text className='meeting__text'>{task.task}</Text>
      <Text className='meeting__task-meta'>
        {task.owner} · {dayText(task.dueOn)} 前
        {task.doneAt ? ' · 已完成' : task.overdue ? '' : ' · 未完成'}
      </Text>
      {task.overdue ? <Text className='meeting__task-meta meeting__overdue'>⚠ 已逾期</Text> : null}
      {task.doneNote ? <Text className='meeting__task-meta'>完成情况：{task.doneNote}</Text> : null}
      {error ? (
        <View className='gz-banner gz-banner--error'>
          <Text>{error}</Text>
        </View>
      ) : null}
      {canComplete ? (
        <ActionButton kind='secondary' loading={busy} loadingText='正在保存…' testid={`meeting-task-done-${task.id}`} onClick={onComplete}>
          标记为已完成
        </ActionButton>
      ) : null}
    </View>
  )
}
