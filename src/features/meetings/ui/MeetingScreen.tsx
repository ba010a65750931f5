import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { MEETING_OUTCOMES, MEETING_OUTCOME_LABELS, type MeetingView } from '@/domain/meetings'
import { REPORT_CATEGORY_LABELS } from '@/domain/reports'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { ListState } from '@/components/ListState'
import { dayText } from '../format'
import { today } from '../meetingForm'
import type { useRecordMeeting } from '../useRecordMeeting'
import { AttendeesField } from './AttendeesField'
import { TasksField } from './TasksField'
import './Meetings.scss'

interface Props {
  m: ReturnType<typeof useRecordMeeting>
  onDone: (meeting: MeetingView) => void
  missingId?: boolean
}

/** 记录联席会议: when and where, who took part, the decision and its outcome, follow-up tasks. */
export function MeetingScreen({ m, onDone, missingId = false }: Props) {
  if (missingId) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--error' data-testid='meeting-missing'>
          <Text>没有指定要记录联席会议的纠纷。</Text>
        </View>
      </View>
    )
  }
  const f = m.form
  const report = m.report
  const allowed = !!report && report.can.includes('meet')
  const save = async () => {
    const saved = await m.save()
    if (saved) onDone(saved)
  }
  return (
    <View className='gz-page' data-testid='meeting-screen'>
      <ListState status={m.status} error={m.error} isEmpty={false} emptyText='' onRetry={() => void m.reload()} skeletonRows={2}>
        {report ? (
          <Card title={`${REPORT_CATEGORY_LABELS[report.category]} · ${report.gridName}`}>
            <Text className='meeting__text' data-testid='meeting-report'>
              {report.excerpt}
            </Text>
            {!allowed ? (
              <View className='gz-banner gz-banner--info' data-testid='meeting-not-allowed'>
                <Text>这个问题现在不能记录联席会议：只有上报到社区或街道、尚未办结的矛盾纠纷才召开联席会议。</Text>
              </View>
            ) : null}
          </Card>
        ) : null}
        {f && allowed ? (
          <Card>
            <FormField label='会议日期' name='heldOn' required error={m.errors.heldOn}>
              <Picker mode='date' value={f.heldOn} end={today()} onChange={(e) => m.setForm((x) => ({ ...x, heldOn: String(e.detail.value) }), 'heldOn')}>
                <View className='gz-input' data-testid='meeting-held-on'>
                  <Text>{dayText(f.heldOn)}</Text>
                </View>
              </Picker>
            </FormField>
            <FormField label='会议地点' name='place' required error={m.errors.place}>
              <Input
                className='gz-input'
                value={f.place}
                maxlength={60}
                placeholder='如 社区议事厅'
                onInput={(e) => m.setForm((x) => ({ ...x, place: e.detail.value }), 'place')}
                data-testid='meeting-place'
              />
            </FormField>
            <FormField label='参会部门' name='departments' hint='选填，多个部门用顿号隔开，如 司法所、城管、派出所' error={m.errors.departments}>
              <Input
                className='gz-input'
                value={f.departments}
                maxlength={200}
                placeholder='司法所、城管'
                onInput={(e) => m.setForm((x) => ({ ...x, departments: e.detail.value }), 'departments')}
                data-testid='meeting-departments'
              />
            </FormField>
            <AttendeesField attendees={f.attendees} error={m.errors.attendees} setForm={m.setForm} />
            <FormField label='会议决定' name='decision' required hint='居民只看到开过会和会议结果，看不到决定内容' error={m.errors.decision}>
              <Textarea
                className='gz-textarea'
                value={f.decision}
                maxlength={2000}
                placeholder='各方同意的事项、分工和期限'
                onInput={(e) => {
                  const decision = e.detail.value
                  m.setForm((x) => ({ ...x, decision }), 'decision')
                }}
                data-testid='meeting-decision'
              />
            </FormField>
            <FormField label='会议结果' name='outcome' required error={m.errors.outcome}>
              <ChoiceChips
                options={MEETING_OUTCOMES.map((o) => ({ value: o, label: MEETING_OUTCOME_LABELS[o] }))}
                value={f.outcome}
                onChange={(outcome) => m.setForm((x) => ({ ...x, outcome }), 'outcome')}
                testidPrefix='meeting-outcome'
              />
            </FormField>
            <TasksField tasks={f.tasks} owners={m.owners} error={m.errors.tasks} setForm={m.setForm} />
            {m.saveError ? (
              <View className='gz-banner gz-banner--error' data-testid='meeting-error'>
                <Text>没有保存成功：{m.saveError.message}</Text>
              </View>
            ) : null}
            <ActionButton kind='primary' size='large' block loading={m.saving} loadingText='正在保存…' testid='meeting-save' onClick={() => void save()}>
              保存会议记录
            </ActionButton>
          </Card>
        ) : null}
      </ListState>
    </View>
  )
}
