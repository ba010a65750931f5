import { View } from '@tarojs/components'
import { STATUS_LABELS } from '@/domain/reports/flow'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import type { useMyMeetingTasks } from '../useMeetings'
import { TaskRow } from './TaskRow'
import './Meetings.scss'

/**
 * In the viewer's 待办: the disputes they answer for (包保) and the 联席会议 tasks given to them, earliest deadline
 * first. Nothing when there is neither.
 */
export function MyMeetingTasks({ t, onOpen }: { t: ReturnType<typeof useMyMeetingTasks>; onOpen: (reportId: string) => void }) {
  return (
    <>
      {t.disputes.length ? (
        <Card title={`我包保的纠纷（${t.disputes.length}）`} testid='my-disputes'>
          {t.disputes.map((d) => (
            <LinkRow key={d.reportId} label={d.subject} hint={STATUS_LABELS[d.status]} testid={`my-dispute-${d.reportId}`} onClick={() => onOpen(d.reportId)} />
          ))}
        </Card>
      ) : null}
      {t.tasks.length ? <Tasks t={t} onOpen={onOpen} /> : null}
    </>
  )
}

function Tasks({ t, onOpen }: { t: ReturnType<typeof useMyMeetingTasks>; onOpen: (reportId: string) => void }) {
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
