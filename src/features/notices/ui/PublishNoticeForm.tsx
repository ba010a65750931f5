import dayjs from 'dayjs'
import { Text, View } from '@tarojs/components'
import { Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import type { Me } from '@/domain/auth'
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type Notice, type NoticeCategory } from '@/domain/notices'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { DateTimeField } from '@/components/DateTimeField'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import { DraftRestored } from '@/components/DraftRestored'
import { hasRole } from '@/features/auth'
import { useCommunity } from '@/features/community'
import { BODY_MAX, TITLE_MAX } from '../publishForm'
import { usePublishNotice } from '../usePublishNotice'
import './PublishNoticeForm.scss'

const CATEGORY_CHOICES = NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] }))
const SCOPE_CHOICES = [
  { value: 'all', label: '全社区' },
  { value: 'grids', label: '指定网格' },
] as const

interface Props {
  me: Me
  onPublished: (notice: Notice) => void
  /** the form found errors: the page scrolls to the first one */
  onInvalid?: () => void
}

/** The committee's form for a new notice. */
export function PublishNoticeForm({ me, onPublished, onInvalid }: Props) {
  if (!hasRole(me, 'committee')) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--info' data-testid='publish-not-allowed'>
          <Text>只有社区工作人员可以发布通知。</Text>
        </View>
      </View>
    )
  }
  return <Form me={me} onPublished={onPublished} onInvalid={onInvalid} />
}

function Form({ me, onPublished, onInvalid }: Props) {
  const { form, setField, errors, submit, submitting, submitError, restoredAt, discardDraft } = usePublishNotice(me.id)
  const community = useCommunity()
  const today = dayjs().format('YYYY-MM-DD')
  const titleLength = [...form.title].length

  const toggleGrid = (id: string) =>
    setField('gridIds', form.gridIds.includes(id) ? form.gridIds.filter((g) => g !== id) : [...form.gridIds, id])

  const onSubmit = async () => {
    const result = await submit()
    if (result.ok) onPublished(result.notice)
    else if (result.reason === 'invalid') onInvalid?.()
  }

  return (
    <View className='gz-page publish-form' data-testid='publish-form'>
      {restoredAt ? <DraftRestored savedAt={restoredAt} onDiscard={discardDraft} verb='发出' noun='草稿' /> : null}

      <Card title='通知内容'>
        <FormField label='标题' name='title' required error={errors.title} hint={`最多 ${TITLE_MAX} 字，已写 ${titleLength} 字`}>
          <Input
            className='publish-form__input'
            value={form.title}
            placeholder='例如：本周六上午停水检修'
            onChange={(v) => setField('title', v)}
            data-testid='input-title'
          />
        </FormField>
        <FormField label='正文' name='body' required error={errors.body}>
          <TextArea
            className='publish-form__textarea'
            value={form.body}
            maxLength={BODY_MAX}
            showCount
            rows={8}
            placeholder='写清楚时间、地点、要做什么、找谁咨询'
            onChange={(v) => setField('body', v)}
            data-testid='input-body'
          />
        </FormField>
      </Card>

      <Card>
        <FormField label='类别' name='category' required error={errors.category}>
          <ChoiceChips<NoticeCategory>
            options={CATEGORY_CHOICES}
            value={form.category}
            onChange={(v) => setField('category', v)}
            testidPrefix='category'
          />
        </FormField>
      </Card>

      <Card>
        <FormField label='发布范围' name='gridIds' hint='选“指定网格”时，只有这些网格的居民能看到' error={errors.gridIds}>
          <ChoiceChips<'all' | 'grids'>
            options={SCOPE_CHOICES}
            value={form.scope}
            onChange={(v) => setField('scope', v)}
            testidPrefix='scope'
          />
          {form.scope === 'grids' ? <GridPicker community={community} selected={form.gridIds} onToggle={toggleGrid} /> : null}
        </FormField>
      </Card>

      <Card title='更多设置'>
        <View>
          <ToggleRow
            label='置顶'
            hint='排在首页最上面'
            checked={form.pinned}
            onChange={(v) => setField('pinned', v)}
            testid='toggle-pinned'
          />
          <ToggleRow
            label='重要（需居民确认已知晓）'
            hint='居民读完要点“已知晓”，您能看到确认情况'
            checked={form.important}
            onChange={(v) => setField('important', v)}
            testid='toggle-important'
          />
          <ToggleRow
            label='定时发布'
            hint='不开则立即发布'
            checked={form.scheduled}
            onChange={(v) => setField('scheduled', v)}
            testid='toggle-scheduled'
          >
            <DateTimeField value={form.publishAt} start={today} onChange={(v) => setField('publishAt', v)} testid='publish-at' />
            {errors.publishAt ? (
              <Text className='publish-form__error' data-testid='field-error-publishAt'>
                {errors.publishAt}
              </Text>
            ) : null}
          </ToggleRow>
          <ToggleRow
            label='失效时间'
            hint='到时间后自动从首页撤下'
            checked={form.expires}
            onChange={(v) => setField('expires', v)}
            testid='toggle-expires'
          >
            <DateTimeField value={form.expireAt} start={today} onChange={(v) => setField('expireAt', v)} testid='expire-at' />
            {errors.expireAt ? (
              <Text className='publish-form__error' data-testid='field-error-expireAt'>
                {errors.expireAt}
              </Text>
            ) : null}
          </ToggleRow>
        </View>
      </Card>

      <View className='publish-form__submit'>
        {submitError ? (
          <View className='gz-banner gz-banner--error' data-testid='submit-error'>
            <Text>没有发布成功：{submitError.message}</Text>
            <Text className='publish-form__kept'>您填写的内容已保存在本机，可以直接再点“发布”。</Text>
          </View>
        ) : null}
        <ActionButton
          kind='primary'
          size='large'
          block
          loading={submitting}
          loadingText='正在发布…'
          testid='publish-submit'
          onClick={() => void onSubmit()}
        >
          发布
        </ActionButton>
        <Text className='gz-muted'>草稿会自动保存在本机，发布成功后清除。</Text>
      </View>
    </View>
  )
}

function GridPicker({
  community,
  selected,
  onToggle,
}: {
  community: ReturnType<typeof useCommunity>
  selected: string[]
  onToggle: (id: string) => void
}) {
  if (community.status === 'loading') return <Text className='gz-muted'>正在加载网格…</Text>
  if (community.status === 'error' || !community.data) {
    return (
      <View className='publish-form__grid-error' data-testid='grids-error'>
        <Text>网格没有加载出来：{community.error?.message ?? '请稍后重试'}</Text>
        <ActionButton kind='plain' onClick={() => void community.reload()}>
          重试
        </ActionButton>
      </View>
    )
  }
  return (
    <View className='publish-form__grids' data-testid='grid-options'>
      {community.data.grids.map((g) => {
        const on = selected.includes(g.id)
        return (
          <View key={g.id} className='publish-form__grid' data-testid={`grid-${g.id}`} onClick={() => onToggle(g.id)}>
            <Checkbox checked={on} label={g.name} />
            <Text className='publish-form__grid-state'>{on ? '已选' : ''}</Text>
          </View>
        )
      })}
    </View>
  )
}
