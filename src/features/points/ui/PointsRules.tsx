import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { FormField } from '@/components/FormField'
import { ListState } from '@/components/ListState'
import { EARN_KIND_LABELS, pointsSetRulesSchema, type PointsRules } from '@/domain/points'
import { useRules } from '../useRules'
import './points.scss'

/** 积分规则: what earns how many points (and that votes earn none); the committee changes them within bounds. */
export function PointsRulesView({ committee }: { committee: boolean }) {
  const r = useRules()
  const [form, setForm] = useState<Record<string, string> | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const d = r.data
  const save = async () => {
    if (!form) return
    const parsed = pointsSetRulesSchema.safeParse(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim() === '' ? NaN : Number(v)])))
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
      return
    }
    setErrors({})
    if (await r.saveRules(parsed.data as PointsRules)) setForm(null)
  }
  return (
    <View className='gz-page points' data-testid='points-rules'>
      <ListState status={r.status} error={r.error} isEmpty={false} emptyText='' onRetry={() => void r.reload()}>
        {d ? (
          <>
            <Card title='怎样获得积分' testid='points-rules-list'>
              {d.kinds.map((k) => (
                <Text key={k} className='points__title' data-testid={`points-rule-${k}`}>
                  {EARN_KIND_LABELS[k]}：{d.rules[k]} 分
                </Text>
              ))}
              <Text className='points__muted'>同一件事只计一次分；记错的积分由社区/村委会冲正并注明原因。</Text>
            </Card>
            <Card title='投票不计积分' testid='points-no-vote'>
              <Text className='points__title'>{d.noVotePoints}</Text>
            </Card>
            {committee && !form ? (
              <ActionButton kind='secondary' testid='points-rules-edit' onClick={() => setForm(Object.fromEntries(d.kinds.map((k) => [k, String(d.rules[k])])))}>
                修改积分规则
              </ActionButton>
            ) : null}
            {form ? (
              <Card title={`修改积分规则（每项 ${d.bounds.min}—${d.bounds.max} 分）`} testid='points-rules-form'>
                {d.kinds.map((k) => (
                  <FormField key={k} label={EARN_KIND_LABELS[k]} name={k} error={errors[k]}>
                    <Input className='gz-input' type='number' maxlength={2} value={form[k]} onInput={(e) => setForm({ ...form, [k]: e.detail.value })} data-testid={`points-rule-input-${k}`} />
                  </FormField>
                ))}
                <ActionButton block loading={r.saving} loadingText='正在保存…' testid='points-rules-save' onClick={() => void save()}>保存</ActionButton>
                <ActionButton kind='plain' testid='points-rules-cancel' onClick={() => setForm(null)}>取消</ActionButton>
                {r.saveError ? <Text className='points__error' data-testid='points-rules-error'>没有保存成功：{r.saveError.message}</Text> : null}
              </Card>
            ) : null}
          </>
        ) : null}
      </ListState>
    </View>
  )
}
