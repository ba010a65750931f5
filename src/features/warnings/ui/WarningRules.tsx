import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { FormField } from '@/components/FormField'
import { ListState } from '@/components/ListState'
import { PARAM_BOUNDS, PARAM_KEYS, warningSetRulesSchema, type WarningParams } from '@/domain/warnings'
import { issuesToErrors } from '../../common/formErrors'
import { useWarningRules } from '../useWarnings'
import './warnings.scss'

/** What each parameter means, for the committee. */
const HINTS: Record<keyof WarningParams, string> = {
  alpha: '越小越不容易预警（只报更明显的升高）',
  baselineWeeks: '和之前多少周的平均水平比较（节假日所在的周不计入）',
  minCount: '一周报事少于这个数，不论多突然都不预警',
  repeatCount: '同一户或同一地点被反映达到这个次数就预警',
  repeatDays: '统计同一户/地点重复反映的天数',
  patrolCount: '一个网格的巡逻发现隐患达到这个件数就预警',
  patrolDays: '统计巡逻发现隐患的天数',
}

type Texts = Record<keyof WarningParams, string>
const textsOf = (p: WarningParams): Texts => Object.fromEntries(PARAM_KEYS.map((k) => [k, String(p[k])])) as Texts

/** The community's warning rules: every staff member reads them; the committee changes them within the bounds. */
export function WarningRules({ userId }: { userId: string }) {
  const r = useWarningRules(userId)
  const d = r.data
  const [texts, setTexts] = useState<Texts | null>(null)
  const [errors, setErrors] = useState<Partial<Record<keyof WarningParams, string>>>({})
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    if (d) setTexts(textsOf(d.params))
  }, [d])

  const save = async () => {
    if (!texts) return
    const input = Object.fromEntries(PARAM_KEYS.map((k) => [k, texts[k].trim() === '' ? NaN : Number(texts[k])]))
    const parsed = warningSetRulesSchema.safeParse(input)
    if (!parsed.success) return setErrors(issuesToErrors(parsed.error.issues, PARAM_KEYS))
    setErrors({})
    setSaved(await r.save(parsed.data))
  }

  return (
    <View className='gz-page warnings' data-testid='warning-rules'>
      <ListState status={r.status} error={r.error} isEmpty={false} emptyText='' onRetry={() => void r.reload()}>
        {d && texts ? (
          <>
            <Card title='预警规则' testid='warning-rules-intro'>
              <Text className='warnings__text'>
                每周按网格和类别统计报事，和本网格近期的平均水平比较，明显升高（泊松检验）且达到最少件数才预警；一两件报事不会预警。
              </Text>
              <Text className='warnings__muted' data-testid='warning-rules-state'>
                {d.custom ? '本社区已调整过规则' : '目前使用默认规则'}
              </Text>
            </Card>
            <Card>
              {PARAM_KEYS.map((k) => {
                const b = PARAM_BOUNDS[k]
                return (
                  <FormField key={k} label={b.label} name={k} error={errors[k]} hint={`${HINTS[k]}；可设 ${b.min}—${b.max}，默认 ${b.default}`}>
                    {d.canEdit ? (
                      <Input
                        className='gz-input'
                        type='digit'
                        value={texts[k]}
                        onInput={(e) => {
                          setSaved(false)
                          setTexts({ ...texts, [k]: e.detail.value })
                        }}
                        data-testid={`rule-${k}`}
                      />
                    ) : (
                      <Text className='warnings__text' data-testid={`rule-${k}`}>
                        {d.params[k]}
                      </Text>
                    )}
                  </FormField>
                )
              })}
              {r.saveError ? (
                <Text className='warnings__error' data-testid='rules-error'>
                  没有保存成功：{r.saveError.message}
                </Text>
              ) : null}
              {saved ? (
                <Text className='warnings__muted' data-testid='rules-saved'>
                  已保存，下次统计起生效
                </Text>
              ) : null}
              {d.canEdit ? (
                <ActionButton block loading={r.saving} loadingText='正在保存…' testid='rules-save' onClick={() => void save()}>
                  保存规则
                </ActionButton>
              ) : (
                <Text className='warnings__muted' data-testid='rules-readonly'>
                  规则由社区/村委会设置
                </Text>
              )}
            </Card>
          </>
        ) : null}
      </ListState>
    </View>
  )
}
