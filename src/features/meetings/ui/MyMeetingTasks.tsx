import { View } from '@tarojs/components'
import { Card } from '@/components/Card'
import type { useMyMeetingTasks } from '../useMeetings'
import { TaskRow } from './TaskRow'
import './Meetings.scss'

/** The 联席会议 tasks given to the viewer, earliest deadline first, in their 待办. Nothing when there is none. */
export function MyMeetingTasks({ t, onOpen }: { t: ReturnType<typeof useMyMeetingTasks>; onOpen: (reportId: string) => void }) {
  if (t.tasks.length === 0) return null
  return (
    <Card title={`联席会议任务（${t.tasks.length}）`} testid='my-meeting-tasks'>
      <View className='meeting'>
        {t.tasks.map((x) => (
          <TaskRow
            key={x.id}
            task={x}
            subject={x.subject}
            onOpen={() => onOpen(x.reportId)}
            canComplete
            busy={t.busy === x.id}
            error={t.failed?.taskId === x.id ? t.failed.error.message : null}
            onComplete={() => void t.complete(x.id)}
          />
        ))}
      </View>
    </Card>
  )
}
