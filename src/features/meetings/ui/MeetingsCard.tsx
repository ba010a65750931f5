import { Text, View } from '@tarojs/components'
import { MEETING_OUTCOME_LABELS } from '@/domain/meetings'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { dayText } from '../format'
import type { useMeetings } from '../useMeetings'
import { TaskRow } from './TaskRow'
import './Meetings.scss'

/** A dispute's 联席会议 with their minutes and tasks, for staff. Nothing when there is none. */
export function MeetingsCard({ m, meId }: { m: ReturnType<typeof useMeetings>; meId: string }) {
  if (m.meetings.length === 0) return null
  return (
    <Card title={`联席会议（${m.meetings.length} 次）`} testid='meetings-card'>
      <View className='meeting'>
        {m.meetings.map((x) => (
          <View key={x.id} className='meeting' data-testid='meeting'>
            <View className='meeting__row'>
              <Text className='meeting__head meeting__grow'>
                {dayText(x.heldOn)} · {x.place}
              </Text>
              <Tag tone={x.outcome === 'agreed' ? 'green' : x.outcome === 'partly' ? 'amber' : 'red'} testid='meeting-outcome'>
                {MEETING_OUTCOME_LABELS[x.outcome]}
              </Tag>
            </View>
            {x.departments.length ? <Text className='meeting__text'>参会部门：{x.departments.join('、')}</Text> : null}
            <Text className='meeting__text' data-testid='meeting-attendees'>
              参会人：{x.attendees.map((a) => (a.role ? `${a.name}（${a.role}）` : a.name)).join('、')}
            </Text>
            <Text className='meeting__text' data-testid='meeting-decision-text'>
              {x.decision}
            </Text>
            <Text className='meeting__head'>记录：{x.recordedBy}</Text>
            {x.tasks.map((t) => (
              <TaskRow
                key={t.id}
                task={t}
                canComplete={t.ownerId === meId && !t.doneAt}
                busy={m.busy === t.id}
                error={m.failed?.taskId === t.id ? m.failed.error.message : null}
                onComplete={() => void m.complete(t.id)}
              />
            ))}
          </View>
        ))}
      </View>
    </Card>
  )
}
