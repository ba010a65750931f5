import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { followUpSchema, FOLLOW_UP_KINDS, FOLLOW_UP_KIND_LABELS, VISIT_FINDING_LABELS, type FollowUpKind } from '@/domain/visits'
import { issuesToErrors, type FieldErrors } from '../../common/formErrors'
import { useHouseholdFile } from '../useHouseholdFile'
import { dayText, dueText } from '../format'
import '../../../components/workspace.scss'
import './visits.scss'

const KINDS = FOLLOW_UP_KINDS.map((v) => ({ value: v, label: FOLLOW_UP_KIND_LABELS[v] }))
type MarkField = 'kind' | 'reason' | 'everyDays'

/** The 标记重点关注 form: kind, reason (staff only), frequency; checked with the server's own schema. */
function MarkForm({ onSave, saving, error, onCancel }: {
  onSave: (m: { kind: FollowUpKind; reason: string; everyDays: number }) => Promise<boolean>
  saving: boolean
  error: { message: string } | null
  onCancel: () => void
}) {
  const [kind, setKind] = useState<FollowUpKind | ''>('')
  const [reason, setReason] = useState('')
  const [days, setDays] = useState('30')
  const [errors, setErrors] = useState<FieldErrors<MarkField>>({})
  const save = async () => {
    const parsed = followUpSchema.safeParse({ kind: kind || undefined, reason, everyDays: days.trim() === '' ? undefined : Number(days) })
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues, ['kind', 'reason', 'everyDays']))
      return
    }
    setErrors({})
    await onSave(parsed.data)
  }
  return (
    <View data-testid='file-mark-form'>
      <FormField label='关注类别' name='kind' required error={errors.kind}>
        <ChoiceChips<FollowUpKind> options={KINDS} value={kind} onChange={setKind} testidPrefix='file-mark-kind' />
      </FormField>
      <FormField label='关注原因' name='reason' required error={errors.reason} hint='只有社区工作人员和网格员能看到'>
        <Input className='gz-input' value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} data-testid='file-mark-reason' />
      </FormField>
      <FormField label='多少天探访一次' name='everyDays' required error={errors.everyDays}>
        <Input className='gz-input' type='number' value={days} maxlength={3} onInput={(e) => setDays(e.detail.value)} data-testid='file-mark-days' />
      </FormField>
      {error ? (
        <Text className='visits__error' data-testid='file-mark-error'>
          没有保存成功：{error.message}
        </Text>
      ) : null}
      <ActionButton kind='primary' testid='file-mark-save' loading={saving} loadingText='正在保存…' onClick={() => void save()}>
        保存标记
      </ActionButton>
      <ActionButton kind='plain' testid='file-mark-cancel' onClick={onCancel}>
        取消
      </ActionButton>
    </View>
  )
}

interface Props {
  householdId: string
  /** its grid's worker or its committee: may record visits and set the mark (street, district, city only read) */
  canEdit: boolean
  onLog: () => void
  onOpenReport: (id: string) => void
}

/** A household's 走访档案 (staff): its follow-up mark (set, change, clear) and its visits, newest first. */
export function HouseholdFile({ householdId, canEdit, onLog, onOpenReport }: Props) {
  const f = useHouseholdFile(householdId)
  const [editing, setEditing] = useState(false)
  const household = f.visits[0]?.household ?? f.followUp?.household
  return (
    <View className='gz-page visits workspace' data-testid='visit-file'>
      <View className='gz-banner gz-banner--info'>
        <Text>走访档案只有社区工作人员和网格员能看到，每次查看都会留下记录。</Text>
      </View>
      <ListState status={f.status} error={f.error} isEmpty={false} emptyText='' onRetry={() => void f.reload()}>
        {f.data ? (
          <>
            {household ? (
              <Text className='workspace__intro' data-testid='file-household'>
                {household.gridName} {household.address} {household.headName}
              </Text>
            ) : null}
            <Card title='重点关注' testid='file-follow-up'>
              {f.followUp && !editing ? (
                <View data-testid='file-mark'>
                  <Text className='workspace__text'>
                    {FOLLOW_UP_KIND_LABELS[f.followUp.kind]}：{f.followUp.reason}
                  </Text>
                  <Text className='visits__muted'>每 {f.followUp.everyDays} 天探访一次</Text>
                  <Tag tone={f.followUp.overdue ? 'red' : 'green'}>{f.followUp.overdue ? dueText(f.followUp.dueAt) : `${dayText(f.followUp.dueAt)}前探访`}</Tag>
                  {f.clearError ? (
                    <Text className='visits__error' data-testid='file-clear-error'>
                      没有取消成功：{f.clearError.message}
                    </Text>
                  ) : null}
                  {canEdit ? (
                    <>
                      <ActionButton kind='secondary' testid='file-mark-edit' onClick={() => setEditing(true)}>
                        修改标记
                      </ActionButton>
                      <ActionButton kind='plain' testid='file-mark-clear' loading={f.clearing} loadingText='正在取消…' onClick={() => void f.clear()}>
                        取消标记
                      </ActionButton>
                    </>
                  ) : null}
                </View>
              ) : editing ? (
                <MarkForm
                  saving={f.marking}
                  error={f.markError}
                  onCancel={() => setEditing(false)}
                  onSave={async (m) => {
                    const r = await f.mark(m)
                    if (r.ok) setEditing(false)
                    return r.ok
                  }}
                />
              ) : (
                <>
                  <Text className='visits__muted' data-testid='file-no-mark'>没有标记</Text>
                  {canEdit ? (
                    <ActionButton kind='secondary' testid='file-mark-add' onClick={() => setEditing(true)}>
                      标记为重点关注
                    </ActionButton>
                  ) : null}
                </>
              )}
            </Card>
            {canEdit ? (
              <ActionButton kind='primary' block testid='file-log' onClick={onLog}>
                记录一次走访
              </ActionButton>
            ) : null}
            <Card title='走访记录' testid='file-visits'>
              {f.visits.length === 0 ? (
                <Text className='visits__muted' data-testid='file-visits-none'>还没有走访记录</Text>
              ) : (
                f.visits.map((v) => (
                  <View key={v.id} className='visits__row' data-testid={`file-visit-${v.id}`}>
                    <Text className='workspace__text'>
                      {dayText(v.visitedAt)} {v.visitorName}：{VISIT_FINDING_LABELS[v.finding]}
                      {v.met ? `（见到${v.met}）` : ''}
                    </Text>
                    {v.note ? <Text className='visits__muted'>{v.note}</Text> : null}
                    {v.reportId ? (
                      <ActionButton kind='plain' testid={`file-report-${v.id}`} onClick={() => onOpenReport(v.reportId as string)}>
                        查看转成的随手拍
                      </ActionButton>
                    ) : null}
                  </View>
                ))
              )}
              {f.moreError ? <Text className='visits__error'>没有加载出来：{f.moreError.message}</Text> : null}
              {f.hasMore ? (
                <ActionButton kind='secondary' testid='file-more' loading={f.loadingMore} loadingText='正在加载…' onClick={() => void f.loadMore()}>
                  加载更多
                </ActionButton>
              ) : null}
            </Card>
          </>
        ) : null}
      </ListState>
    </View>
  )
}
