import { useEffect, useMemo, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { DateTimeField } from '@/components/DateTimeField'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import { addressText } from '@/domain/residents/address'
import { MAX_REPORT_PHOTOS, REPORT_CATEGORIES, REPORT_CATEGORY_LABELS, type ReportCategory } from '@/domain/reports'
import { FOLLOW_UP_KINDS, FOLLOW_UP_KIND_LABELS, REPORTABLE_FINDINGS, VISIT_FINDINGS, VISIT_FINDING_LABELS, type FollowUpKind, type VisitFinding } from '@/domain/visits'
import { PhotoPicker } from '@/features/media'
import { useLogVisit } from '../useLogVisit'
import './visits.scss'

const FINDINGS = VISIT_FINDINGS.map((v) => ({ value: v, label: VISIT_FINDING_LABELS[v] }))
const KINDS = FOLLOW_UP_KINDS.map((v) => ({ value: v, label: FOLLOW_UP_KIND_LABELS[v] }))
const CATEGORIES = REPORT_CATEGORIES.map((c) => ({ value: c, label: REPORT_CATEGORY_LABELS[c] }))
const SHOWN = 12

interface Props {
  userId: string
  /** a household picked on the 走访 list */
  householdId?: string
  onOpenReport: (id: string) => void
  /** the chosen household's 走访档案 */
  onOpenFile?: (householdId: string) => void
  onInvalid?: () => void
  /** the visit was saved (the page brings the result into view: the form above it was long) */
  onDone?: () => void
}

/** 记录走访: which household (of my grids), when, who was met, what was found, a note; a finding may become a report. */
export function VisitLogForm({ userId, householdId, onOpenReport, onOpenFile, onInvalid, onDone }: Props) {
  const f = useLogVisit(userId, householdId)
  const saved = f.done !== null
  useEffect(() => {
    if (saved) onDone?.()
  }, [saved, onDone])
  const [filter, setFilter] = useState('')
  const data = f.households.data
  const list = useMemo(() => data ?? [], [data])
  const chosen = list.find((h) => h.id === f.form.householdId)
  const matches = useMemo(() => {
    const q = filter.replace(/\s+/g, '')
    const all = list.map((h) => ({ value: h.id, label: `${addressText(h.building, h.unit, h.room)} ${h.headName}`, grid: h.gridName }))
    return (q ? all.filter((h) => `${h.label}${h.grid}`.replace(/\s+/g, '').includes(q)) : all).slice(0, SHOWN)
  }, [list, filter])

  if (f.done) {
    return (
      <View className='gz-page visits' data-testid='visit-done'>
        <View className='gz-banner gz-banner--ok'>
          <Text className='visits__title'>走访已记录</Text>
          <Text>{f.done.reportId ? '发现的问题已生成随手拍，按期限交给网格员办理。' : '记录只有社区工作人员和网格员能看到。'}</Text>
        </View>
        {f.done.reportId ? (
          <ActionButton kind='primary' size='large' block testid='visit-open-report' onClick={() => onOpenReport(f.done!.reportId as string)}>
            查看上报的问题
          </ActionButton>
        ) : null}
        <ActionButton kind='secondary' block testid='visit-again' onClick={f.again}>
          再记一户
        </ActionButton>
      </View>
    )
  }

  const finding = f.form.finding
  const reportable = finding !== '' && REPORTABLE_FINDINGS.includes(finding)
  const submit = async () => {
    const ok = await f.submit()
    if (!ok && !f.submitError) onInvalid?.()
  }
  return (
    <View className='gz-page visits' data-testid='visit-form'>
      <View className='gz-banner gz-banner--info'>
        <Text>走访记录只有社区工作人员和网格员能看到，不会给邻居看。</Text>
      </View>
      <Card>
        <FormField label='走访哪一户' name='householdId' required error={f.errors.householdId} hint={chosen ? `已选：${addressText(chosen.building, chosen.unit, chosen.room)} ${chosen.headName}` : '输入楼栋、房号或户主姓名查找'}>
          {f.households.status === 'loading' ? (
            <Text className='visits__muted' data-testid='visit-households-loading'>正在加载住户…</Text>
          ) : f.households.status === 'error' ? (
            <View data-testid='visit-households-error'>
              <Text className='visits__muted'>住户名单没有加载出来。</Text>
              <ActionButton kind='secondary' testid='visit-households-retry' onClick={() => void f.households.reload()}>
                重试
              </ActionButton>
            </View>
          ) : (
            <>
              <Input className='gz-input' value={filter} placeholder='例如：3栋 或 王建华' onInput={(e) => setFilter(e.detail.value)} data-testid='visit-household-filter' />
              {matches.length ? (
                <ChoiceChips<string> options={matches} value={f.form.householdId} onChange={(v) => f.setField('householdId', v)} testidPrefix='visit-household' />
              ) : (
                <Text className='visits__muted' data-testid='visit-households-none'>没有找到这一户</Text>
              )}
            </>
          )}
        </FormField>
        {chosen && onOpenFile ? (
          <ActionButton kind='plain' testid='visit-open-file' onClick={() => onOpenFile(chosen.id)}>
            查看这户的走访档案
          </ActionButton>
        ) : null}
        <FormField label='走访时间' name='visitedAt' error={f.errors.visitedAt} hint={f.form.when ? '' : '不选就是现在'}>
          <DateTimeField value={f.form.when} onChange={(v) => f.setField('when', v)} testid='visit-when' />
        </FormField>
        <FormField label='见到了谁' name='met' error={f.errors.met} hint='例如：户主本人、老人和保姆'>
          <Input className='gz-input' value={f.form.met} maxlength={50} placeholder='见到的人' onInput={(e) => f.setField('met', e.detail.value)} data-testid='visit-met' />
        </FormField>
      </Card>
      <Card>
        <FormField label='走访发现' name='finding' required error={f.errors.finding}>
          <ChoiceChips<VisitFinding> options={FINDINGS} value={finding} onChange={(v) => f.setField('finding', v)} testidPrefix='visit-finding' />
        </FormField>
        <FormField label='走访记录' name='note' error={f.errors.note} hint={`最多 1000 字，已写 ${[...f.form.note].length} 字`}>
          <TextArea className='visits__textarea' value={f.form.note} maxLength={1000} rows={4} placeholder='家中情况、反映的问题、答应跟进的事' onChange={(v) => f.setField('note', v)} data-testid='visit-note' />
        </FormField>
      </Card>
      {finding === 'vulnerable' ? (
        <Card title='标记为重点关注' testid='visit-follow-up'>
          <FormField label='关注类别' name='followKind' required error={f.errors.followKind}>
            <ChoiceChips<FollowUpKind> options={KINDS} value={f.form.followKind} onChange={(v) => f.setField('followKind', v)} testidPrefix='visit-follow-kind' />
          </FormField>
          <FormField label='关注原因' name='followReason' required error={f.errors.followReason} hint='只有社区工作人员和网格员能看到'>
            <Input className='gz-input' value={f.form.followReason} maxlength={200} placeholder='例如：独居，行动不便' onInput={(e) => f.setField('followReason', e.detail.value)} data-testid='visit-follow-reason' />
          </FormField>
          <FormField label='多少天探访一次' name='followDays' required error={f.errors.followDays}>
            <Input className='gz-input' type='number' value={f.form.followDays} maxlength={3} onInput={(e) => f.setField('followDays', e.detail.value)} data-testid='visit-follow-days' />
          </FormField>
        </Card>
      ) : null}
      {reportable ? (
        <Card testid='visit-raise'>
          <ToggleRow label='转为随手拍上报' hint='生成一条随手拍，像居民上报一样按期限办理' checked={f.form.raise} onChange={(v) => f.setField('raise', v)} testid='visit-raise-toggle'>
            {f.form.raise ? (
              <>
                <FormField label='问题类别' name='category' required error={f.errors.category}>
                  <ChoiceChips<ReportCategory> options={CATEGORIES} value={f.form.category} onChange={(v) => f.setField('category', v)} testidPrefix='visit-category' />
                </FormField>
                <FormField label='问题描述' name='description' required error={f.errors.description} hint='至少 5 个字'>
                  <TextArea className='visits__textarea' value={f.form.description} maxLength={1000} rows={3} placeholder='例如：楼道堆放纸箱，堵住消防通道' onChange={(v) => f.setField('description', v)} data-testid='visit-description' />
                </FormField>
                <FormField label='照片' name='photos' error={f.errors.photos} hint={`最多 ${MAX_REPORT_PHOTOS} 张`}>
                  <PhotoPicker value={f.form.photos} onChange={(p) => f.setField('photos', p)} />
                </FormField>
              </>
            ) : null}
          </ToggleRow>
        </Card>
      ) : null}
      {f.submitError ? (
        <View className='gz-banner gz-banner--error' data-testid='visit-error'>
          <Text>没有保存成功：{f.submitError.message}</Text>
          <Text>填写的内容还在，网络好了再点“保存”，不会重复记录。</Text>
        </View>
      ) : null}
      <ActionButton kind='primary' size='large' block testid='visit-submit' loading={f.submitting} loadingText='正在保存…' onClick={() => void submit()}>
        保存走访记录
      </ActionButton>
    </View>
  )
}
