import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { DateTimeField } from '@/components/DateTimeField'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { Tag, type TagTone } from '@/components/Tag'
import { CALLOUT_ANSWER_LABELS, CALLOUT_KIND_LABELS, CALLOUT_PHASE_LABELS, type CalloutDetail as Detail, type CalloutPhase } from '@/domain/callouts'
import { chinaClock } from '@/domain/shared/chinaTime'
import { localToIso } from '../localTime'
import { headcountText, hoursText, whenText } from '../format'
import { useCallout, type CalloutHandle } from '../useCallout'
import './callouts.scss'

const PHASE_TONES: Record<CalloutPhase, TagTone> = { upcoming: 'blue', ongoing: 'green', ended: 'grey', closed: 'grey' }

/** One call-out: what, where, when; the tasks with live headcount; my answer and 报到; staff: who has not answered, close, extend. */
export function CalloutDetail({ id }: { id: string }) {
  const c = useCallout(id)
  if (c.status === 'loading') return <DetailSkeleton testid='callout' />
  if (c.status === 'error' || !c.data) return <LoadFailed testid='callout' error={c.error} notFound='这次动员不存在，或没有发给您。' onRetry={() => void c.reload()} />
  const d = c.data
  return (
    <View className='gz-page callout' data-testid='callout-detail'>
      {d.status === 'closed' ? (
        <View className='gz-banner gz-banner--error' data-testid='callout-closed'>
          <Text>已提前结束{d.closeReason ? `。原因：${d.closeReason}` : ''}</Text>
        </View>
      ) : null}
      {c.notice ? (
        <View className='gz-banner gz-banner--ok' data-testid='callout-notice'>
          <Text>{c.notice}</Text>
        </View>
      ) : null}
      <Card>
        <View className='callout__tags'>
          <Tag tone={PHASE_TONES[d.phase]} testid='callout-phase'>
            {CALLOUT_PHASE_LABELS[d.phase]}
          </Tag>
          <Tag tone='amber'>{CALLOUT_KIND_LABELS[d.kind]}</Tag>
        </View>
        <Text className='callout__title' data-testid='callout-title'>
          {d.title}
        </Text>
        <Text className='callout__text'>{d.description}</Text>
        <Text className='callout__fact' data-testid='callout-when'>时间：{whenText(d)}</Text>
        <Text className='callout__fact'>集合地点：{d.place}（{d.area.radius} 米内可报到）</Text>
      </Card>

      <Card title='任务和人数' testid='callout-tasks'>
        {d.tasks.map((t) => (
          <View key={t.id} className='callout__task' data-testid={`task-${t.id}`}>
            <Text className='callout__task-name'>{t.name}</Text>
            <Text className='callout__muted'>{headcountText(t)}</Text>
          </View>
        ))}
        <Text className='callout__muted' data-testid='callout-answers'>
          共通知 {d.recipients} 人：能来 {d.answers.yes} · 来不了 {d.answers.no} · 未回复 {d.answers.none}
        </Text>
      </Card>

      {d.my ? <MyAnswer d={d} handle={c} /> : null}
      {d.unanswered ? <Unanswered d={d} /> : null}
      {d.can.close || d.can.extend ? <CommitteeActions handle={c} /> : null}
    </View>
  )
}

/** Above the task chips: what to do, or how to change the answer already given. */
const PROMPTS: Record<'none' | 'yes' | 'no', string> = {
  none: '能来的话，请选一项任务：',
  yes: '要换任务，选另一项后点“换成这项任务”；去不了了就点“来不了”。',
  no: '改主意了？选一项任务后点“能来”。',
}

function ErrorText({ text, testid }: { text: string; testid: string }) {
  return (
    <Text className='callout__error' data-testid={testid}>
      {text}
    </Text>
  )
}

/** 能来 (with a task) / 来不了, changeable while open; 报到 once 能来; my hours once over. */
function MyAnswer({ d, handle }: { d: Detail; handle: CalloutHandle }) {
  const my = d.my!
  const [task, setTask] = useState<string>(my.taskId ?? '')
  const err = (a: 'answer' | 'checkin') => (handle.actionError?.action === a ? handle.actionError.error.message : null)
  return (
    <Card title='我的回复' testid='callout-my'>
      <Text className='callout__fact' data-testid='my-answer'>
        {my.answer ? `已回复：${CALLOUT_ANSWER_LABELS[my.answer]}${my.taskId ? `（${d.tasks.find((t) => t.id === my.taskId)?.name ?? ''}）` : ''}` : '还没有回复'}
      </Text>
      {my.checkinAt ? <Text className='callout__fact' data-testid='my-checkin'>已报到：{chinaClock(my.checkinAt)}</Text> : null}
      {my.hours !== null ? <Text className='callout__fact' data-testid='my-hours'>计入志愿时长 {hoursText(my.hours)}</Text> : null}
      {my.answer === 'yes' && !my.checkinAt && d.status === 'open' && d.phase !== 'ended' ? (
        <View className='callout__answer'>
          <Text className='callout__muted'>到了集合地点后点“报到”（开始前 15 分钟起，{chinaClock(d.checkinOpensAt)} 开放）</Text>
          <ActionButton kind='primary' size='large' block testid='callout-checkin' loading={handle.busy === 'checkin'} loadingText='正在定位…' onClick={() => void handle.checkin()}>
            报到
          </ActionButton>
          {err('checkin') ? <ErrorText testid='checkin-error' text={err('checkin')!} /> : null}
        </View>
      ) : null}
      {d.can.answer ? (
        <View className='callout__answer'>
          <Text className='callout__muted' data-testid='answer-prompt'>
            {PROMPTS[my.answer ?? 'none']}
          </Text>
          <ChoiceChips
            options={d.tasks.map((t) => ({ value: t.id, label: `${t.name}（剩 ${t.left} 个名额）` }))}
            value={task}
            onChange={setTask}
            testidPrefix='pick-task'
          />
          <ActionButton
            kind={my.answer === 'yes' ? 'secondary' : 'primary'}
            size={my.answer === 'yes' ? 'normal' : 'large'}
            block
            testid='answer-yes'
            disabled={!task || (my.answer === 'yes' && task === my.taskId)}
            loading={handle.busy === 'answer'}
            loadingText='正在提交…'
            onClick={() => void handle.answer('yes', task)}
          >
            {my.answer === 'yes' ? '换成这项任务' : '能来'}
          </ActionButton>
          {my.answer !== 'no' ? (
            <ActionButton kind='secondary' block testid='answer-no' onClick={() => void handle.answer('no')}>
              来不了
            </ActionButton>
          ) : null}
          {err('answer') ? <ErrorText testid='answer-error' text={err('answer')!} /> : null}
        </View>
      ) : null}
    </Card>
  )
}

function Unanswered({ d }: { d: Detail }) {
  const list = d.unanswered!
  return (
    <Card title={`未回复（${d.answers.none} 人）`} testid='callout-unanswered'>
      {list.length ? (
        <View className='callout__names'>
          {list.map((p) => (
            <Text key={p.userId} className='callout__name'>
              {p.name}
            </Text>
          ))}
        </View>
      ) : (
        <Text className='callout__muted'>所有人都已回复</Text>
      )}
    </Card>
  )
}

function CommitteeActions({ handle }: { handle: CalloutHandle }) {
  const [reason, setReason] = useState('')
  const [end, setEnd] = useState('')
  const err = (a: 'close' | 'extend') => (handle.actionError?.action === a ? handle.actionError.error.message : null)
  const endIso = localToIso(end)
  return (
    <Card title='调整动员' testid='callout-manage'>
      <Text className='callout__muted'>延长结束时间（最长到开始后 24 小时）</Text>
      <DateTimeField value={end} onChange={setEnd} testid='extend-end' />
      <ActionButton kind='secondary' block testid='callout-extend' disabled={!endIso} loading={handle.busy === 'extend'} loadingText='正在延长…' onClick={() => endIso && void handle.extend(endIso)}>
        延长
      </ActionButton>
      {err('extend') ? <ErrorText testid='extend-error' text={err('extend')!} /> : null}
      <Text className='callout__muted'>提前结束（报名能来的人都会收到通知）</Text>
      <Input className='callout__input' value={reason} placeholder='结束原因，例如：险情已解除' onChange={setReason} data-testid='close-reason' />
      <ActionButton kind='destructive' block testid='callout-close' loading={handle.busy === 'close'} loadingText='正在结束…' onClick={() => void handle.close(reason)}>
        提前结束
      </ActionButton>
      {err('close') ? <ErrorText testid='close-error' text={err('close')!} /> : null}
    </Card>
  )
}
