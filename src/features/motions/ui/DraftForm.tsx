import dayjs from 'dayjs'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { DateTimeField } from '@/components/DateTimeField'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import { DraftRestored } from '@/components/DraftRestored'
import { ELIGIBILITY_LABELS, MOTION_KIND_LABELS, type Eligibility, type MotionKind, type MotionView } from '@/domain/motions'
import { MAX_ARTICLES, MAX_OPTIONS } from '../draftForm'
import { articleLabel } from '../format'
import { useMotionDraft } from '../useMotionDraft'
import { ListEditor } from './ListEditor'
import './DraftForm.scss'

const KIND_CHOICES = [
  { value: 'rules', label: `${MOTION_KIND_LABELS.rules}（赞成/反对/弃权）` },
  { value: 'matter', label: `${MOTION_KIND_LABELS.matter}（2—6 个选项）` },
] as const
const ELIGIBILITY_CHOICES = [
  { value: 'adults', label: ELIGIBILITY_LABELS.adults },
  { value: 'households', label: ELIGIBILITY_LABELS.households },
] as const

interface DraftFormProps {
  userId: string
  /** editing this motion; null: a new one */
  id: string | null
  onSaved: (m: MotionView, created: boolean) => void
  onInvalid?: () => void
}

/** 起草/修改议题: title, 说明, numbered articles, kind (rules or a matter with options), who votes, and the times. */
export function DraftForm({ userId, id, onSaved, onInvalid }: DraftFormProps) {
  const d = useMotionDraft(userId, id)
  const { form, set, errors } = d
  if (id && d.existing.status !== 'ready') {
    return (
      <View className='gz-page'>
        {d.existing.status === 'error' ? (
          <View className='gz-banner gz-banner--error' data-testid='draft-load-error'>
            <Text>议题没有加载出来：{d.existing.error?.message}</Text>
          </View>
        ) : (
          <Text className='gz-muted'>正在加载议题…</Text>
        )}
      </View>
    )
  }
  const published = !!id && d.existing.data?.status !== 'draft'
  const today = dayjs().format('YYYY-MM-DD')
  const save = async () => {
    const r = await d.submit()
    if (r.ok) onSaved(r.motion, !id)
    else if (r.reason === 'invalid') onInvalid?.()
  }

  return (
    <View className='gz-page motion-draft' data-testid='draft-form'>
      {d.restoredAt ? <DraftRestored savedAt={d.restoredAt} onDiscard={d.discardDraft} verb='保存' noun='草稿' discardTestid='draft-discard' /> : null}
      {published ? (
        <View className='gz-banner gz-banner--info' data-testid='draft-published-note'>
          <Text>议题正在征求意见。保存后居民能看到这次改了哪几条（新增、删除、修改）。</Text>
        </View>
      ) : null}

      <Card title='议题内容'>
        <FormField label='标题' name='title' required error={errors.title} hint='最多 60 字'>
          <Input className='gz-input' value={form.title} maxlength={80} placeholder='例如：修订《文明养犬公约》' onInput={(e) => set('title', e.detail.value)} data-testid='draft-title' />
        </FormField>
        <FormField label='说明（可不填）' name='preamble' error={errors.preamble} hint='为什么要订立或修改，依据是什么'>
          <Textarea className='gz-textarea' value={form.preamble} maxlength={2100} placeholder='例如：为维护小区环境卫生，经居民代表提议……' onInput={(e) => set('preamble', e.detail.value)} data-testid='draft-preamble' />
        </FormField>
      </Card>

      <Card title={`条文（${form.articles.length} 条）`} testid='draft-articles'>
        {errors.articles ? (
          <Text className='motion-draft__error' data-testid='field-error-articles'>
            {errors.articles}
          </Text>
        ) : null}
        <ListEditor
          items={form.articles}
          max={MAX_ARTICLES}
          min={1}
          labelOf={articleLabel}
          errors={errors}
          errorPrefix='articles'
          multiline
          placeholder='写一条具体的规定'
          addText='添加一条'
          testid='article'
          onChange={(items) => set('articles', items)}
        />
      </Card>

      <Card title='表决方式'>
        <FormField label='类型' name='kind' required error={errors.kind}>
          {published ? (
            <Text className='motion-draft__fixed'>{MOTION_KIND_LABELS[form.kind]}（发布后不能更改）</Text>
          ) : (
            <ChoiceChips<MotionKind> options={KIND_CHOICES} value={form.kind} onChange={(v) => set('kind', v)} testidPrefix='draft-kind' />
          )}
        </FormField>
        {form.kind === 'matter' ? (
          <FormField label='选项' name='options' required error={errors.options} hint='居民从中选一项；某项超过半数即通过'>
            <ListEditor
              items={form.options}
              max={MAX_OPTIONS}
              min={2}
              labelOf={(i) => `选项${i + 1}`}
              errors={errors}
              errorPrefix='options'
              placeholder='例如：每户一个车位'
              addText='添加选项'
              testid='option'
              onChange={(items) => set('options', items)}
            />
          </FormField>
        ) : (
          <Text className='gz-muted'>居民在“赞成、反对、弃权”中选一项；赞成超过投票数一半即通过。</Text>
        )}
        <FormField label='谁来投票' name='eligibility' required error={errors.eligibility}>
          {published ? (
            <Text className='motion-draft__fixed'>{ELIGIBILITY_LABELS[form.eligibility]}（发布后不能更改）</Text>
          ) : (
            <ChoiceChips<Eligibility> options={ELIGIBILITY_CHOICES} value={form.eligibility} onChange={(v) => set('eligibility', v)} testidPrefix='draft-eligibility' />
          )}
        </FormField>
        {published && form.major ? (
          <Text className='motion-draft__fixed' data-testid='draft-major-fixed'>
            重大事项：表决前须完成社会稳定风险评估（发布后不能取消）
          </Text>
        ) : (
          <ToggleRow
            label='重大事项'
            hint='涉及群众切身利益的重大决策（如加装电梯、改造、收费）：表决前须先做社会稳定风险评估，高风险还须街道同意'
            checked={form.major}
            onChange={(v) => set('major', v)}
            testid='draft-major'
          />
        )}
      </Card>

      <Card title='时间安排'>
        <ToggleRow label='征求意见截止时间' hint='不开则征求意见到表决开始为止' checked={form.consult} onChange={(v) => set('consult', v)} testid='draft-consult'>
          <DateTimeField value={form.consultUntil} start={today} onChange={(v) => set('consultUntil', v)} testid='draft-consult-until' />
          {errors.consultUntil ? <Text className='motion-draft__error' data-testid='field-error-consultUntil'>{errors.consultUntil}</Text> : null}
        </ToggleRow>
        <FormField label='表决开始' name='voteFrom' required error={errors.voteFrom} hint='到时自动开始，也可以在议题页提前开始'>
          <DateTimeField value={form.voteFrom} start={today} onChange={(v) => set('voteFrom', v)} testid='draft-vote-from' />
        </FormField>
        <FormField label='表决结束' name='voteUntil' required error={errors.voteUntil} hint='到时自动结束并公布结果'>
          <DateTimeField value={form.voteUntil} start={today} onChange={(v) => set('voteUntil', v)} testid='draft-vote-until' />
        </FormField>
      </Card>

      <View className='motion-draft__submit'>
        {d.submitError ? (
          <View className='gz-banner gz-banner--error' data-testid='draft-submit-error'>
            <Text>没有保存成功：{d.submitError.message}</Text>
          </View>
        ) : null}
        <ActionButton kind='primary' size='large' block loading={d.submitting} loadingText='正在保存…' testid='draft-submit' onClick={() => void save()}>
          {id ? '保存修改' : '保存为草稿'}
        </ActionButton>
        <Text className='gz-muted'>{id ? '保存后立即生效。' : '保存后只有社区/村委会能看到；在议题页点“发布征求意见”后居民才能看到。'}</Text>
      </View>
    </View>
  )
}
