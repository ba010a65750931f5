import { Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { DateTimeField } from '@/components/DateTimeField'
import { DraftRestored } from '@/components/DraftRestored'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import { CALLOUT_KINDS, CALLOUT_KIND_LABELS, MAX_TASKS, type CalloutView } from '@/domain/callouts'
import { useIssueCallout } from '../useIssueCallout'
import './callouts.scss'

interface Props {
  userId: string
  /** the community's grids to choose from (community.get) */
  grids: { id: string; name: string }[]
  onIssued: (c: CalloutView) => void
}

const KIND_OPTIONS = CALLOUT_KINDS.map((k) => ({ value: k, label: CALLOUT_KIND_LABELS[k] }))

/** 发起动员: what, where (报到 point and radius), when, to whom (grids; volunteers and/or residents), which tasks for how many. */
export function IssueCalloutForm({ userId, grids, onIssued }: Props) {
  const f = useIssueCallout(userId)
  const { form, update, errors } = f
  const submit = async () => {
    const r = await f.submit()
    if (r.ok) onIssued(r.callout)
  }
  const toggleGrid = (id: string) => update((x) => ({ ...x, gridIds: x.gridIds.includes(id) ? x.gridIds.filter((g) => g !== id) : [...x.gridIds, id] }))
  const setTask = (i: number, key: 'name' | 'capacity', v: string) => update((x) => ({ ...x, tasks: x.tasks.map((t, j) => (j === i ? { ...t, [key]: v } : t)) }))
  return (
    <View className='gz-page callout' data-testid='issue-form'>
      {f.restoredAt ? <DraftRestored savedAt={f.restoredAt} onDiscard={f.discard} /> : null}
      <Card title='动员内容'>
        <FormField label='类型' name='kind' required error={errors.kind}>
          <ChoiceChips options={KIND_OPTIONS} value={form.kind} onChange={(k) => update((x) => ({ ...x, kind: k }))} testidPrefix='kind' />
        </FormField>
        <FormField label='标题' name='title' required error={errors.title} hint='最多 40 字'>
          <Input className='callout__input' value={form.title} placeholder='例如：汛期堤坝值守' onChange={(v) => update((x) => ({ ...x, title: v }))} data-testid='input-title' />
        </FormField>
        <FormField label='说明' name='description' required error={errors.description} hint='做什么、带什么、注意什么（最多 500 字）'>
          <TextArea className='callout__textarea' value={form.description} maxLength={500} rows={3} onChange={(v) => update((x) => ({ ...x, description: v }))} data-testid='input-description' />
        </FormField>
      </Card>
      <Card title='集合和报到'>
        <FormField label='集合地点' name='place' required error={errors.place}>
          <Input className='callout__input' value={form.place} placeholder='例如：锦江堤坝北段' onChange={(v) => update((x) => ({ ...x, place: v }))} data-testid='input-place' />
        </FormField>
        <FormField label='报到点' name='area' required error={errors.area} hint='大家要在这个点附近才能报到'>
          {form.centre ? <Text className='callout__muted' data-testid='centre-set'>已设置（{form.centre.latitude.toFixed(5)}, {form.centre.longitude.toFixed(5)}）</Text> : null}
          <ActionButton kind='secondary' testid='centre-take' loading={f.locating} loadingText='正在定位…' onClick={() => void f.locate()}>
            {form.centre ? '重新选择' : '选择报到点'}
          </ActionButton>
          {f.locationError ? <Text className='callout__error'>{f.locationError}</Text> : null}
        </FormField>
        <FormField label='报到范围（米）' name='radius' required hint='50—2000 米'>
          <Input className='callout__input' type='number' value={form.radius} onChange={(v) => update((x) => ({ ...x, radius: v }))} data-testid='input-radius' />
        </FormField>
      </Card>
      <Card title='时间'>
        <FormField label='开始时间' name='startAt' required error={errors.startAt}>
          <DateTimeField value={form.start} onChange={(v) => update((x) => ({ ...x, start: v }))} testid='start-at' />
        </FormField>
        <FormField label='结束时间' name='endAt' required error={errors.endAt} hint='一次动员最长 24 小时，之后可以延长'>
          <DateTimeField value={form.end} onChange={(v) => update((x) => ({ ...x, end: v }))} testid='end-at' />
        </FormField>
      </Card>
      <Card title='通知谁'>
        <FormField label='网格' name='gridIds' required error={errors.gridIds}>
          <View className='gz-chips'>
            {grids.map((g) => {
              const on = form.gridIds.includes(g.id)
              return (
                <View key={g.id} className={`gz-chip${on ? ' gz-chip--on' : ''}`} role='checkbox' aria-checked={on ? 'true' : 'false'} data-testid={`grid-${g.id}`} onClick={() => toggleGrid(g.id)}>
                  <Text>{on ? `✓ ${g.name}` : g.name}</Text>
                </View>
              )
            })}
          </View>
        </FormField>
        <ToggleRow label='志愿者' hint='这些网格里的志愿者' checked={form.volunteers} onChange={(v) => update((x) => ({ ...x, volunteers: v }))} testid='toggle-volunteers' />
        <ToggleRow label='居民' hint='这些网格里已认证的居民' checked={form.residents} onChange={(v) => update((x) => ({ ...x, residents: v }))} testid='toggle-residents' />
        {errors.audience ? <Text className='callout__error'>{errors.audience}</Text> : null}
      </Card>
      <Card title='任务和人数'>
        {form.tasks.map((t, i) => (
          <View key={i} className='callout__task-row'>
            <Input className='callout__input' value={t.name} placeholder='任务，例如：沙袋搬运' onChange={(v) => setTask(i, 'name', v)} data-testid={`task-name-${i}`} />
            <Input className='callout__input callout__input--short' type='number' value={t.capacity} placeholder='人数' onChange={(v) => setTask(i, 'capacity', v)} data-testid={`task-capacity-${i}`} />
          </View>
        ))}
        {errors.tasks ? <Text className='callout__error' data-testid='tasks-error'>{errors.tasks}</Text> : null}
        {form.tasks.length < MAX_TASKS ? (
          <ActionButton kind='plain' testid='task-add' onClick={() => update((x) => ({ ...x, tasks: [...x.tasks, { name: '', capacity: '' }] }))}>
            再加一项任务
          </ActionButton>
        ) : null}
      </Card>
      {f.submitError ? (
        <View className='gz-banner gz-banner--error' data-testid='submit-error'>
          <Text>没有发出：{f.submitError.message}。内容已保存在本机，可以直接再点“发出动员”，不会重复发送。</Text>
        </View>
      ) : null}
      <ActionButton kind='primary' size='large' block loading={f.submitting} loadingText='正在发出…' testid='issue-submit' onClick={() => void submit()}>
        发出动员
      </ActionButton>
    </View>
  )
}
