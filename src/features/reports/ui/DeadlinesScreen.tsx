import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { DEFAULT_RESOLVE_DAYS, REPORT_CATEGORIES } from '@/domain/reports'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ListState } from '@/components/ListState'
import { categoryLabel } from '../format'
import { draftOf, type DaysDraft, type DaysErrors, type useDeadlines } from '../useDeadlines'
import './StaffScreens.scss'

/** 办结时限设置: working days to 办结 per category, each beside its default (committee). */
export function DeadlinesScreen({ d }: { d: ReturnType<typeof useDeadlines> }) {
  const [draft, setDraft] = useState<DaysDraft | null>(null)
  const [errors, setErrors] = useState<DaysErrors>({})
  useEffect(() => {
    if (d.deadlines && !draft) setDraft(draftOf(d.deadlines))
  }, [d.deadlines, draft])

  const save = async () => {
    if (!draft) return
    const problems = await d.save(draft)
    setErrors(problems ?? {})
  }

  return (
    <View className='gz-page staff-screen' data-testid='deadlines-screen'>
      <Text className='staff-screen__intro'>
        问题受理后，须在下列工作日内办结（节假日不计，调休上班日照常计算）。修改只影响之后受理的问题。
      </Text>
      <ListState
        status={d.status}
        error={d.error}
        isEmpty={false}
        emptyText=''
        onRetry={() => void d.reload()}
        skeletonRows={2}
      >
        {draft ? (
          <Card title='办结时限（工作日）'>
            {REPORT_CATEGORIES.map((c) => (
              <View key={c} className='deadline-row' data-testid={`deadline-${c}`}>
                <View className='deadline-row__name'>
                  <Text className='deadline-row__label'>{categoryLabel(c)}</Text>
                  <Text className='deadline-row__default'>默认 {DEFAULT_RESOLVE_DAYS[c]} 个工作日</Text>
                </View>
                <View className='deadline-row__input'>
                  <Input
                    className={`gz-input deadline-row__box${errors[c] ? ' gz-input--error' : ''}`}
                    type='number'
                    maxlength={2}
                    value={draft[c]}
                    onInput={(e) => {
                      const value = e.detail.value
                      setDraft((x) => (x ? { ...x, [c]: value } : x))
                      setErrors((x) => ({ ...x, [c]: undefined }))
                    }}
                    data-testid={`deadline-input-${c}`}
                  />
                  <Text>个工作日</Text>
                </View>
                {errors[c] ? (
                  <Text className='deadline-row__error' data-testid={`deadline-error-${c}`}>
                    {errors[c]}
                  </Text>
                ) : null}
              </View>
            ))}
          </Card>
        ) : null}
        {d.saveError ? (
          <View className='gz-banner gz-banner--error' data-testid='deadlines-save-error'>
            <Text>没有保存成功：{d.saveError.message}</Text>
          </View>
        ) : null}
        {d.savedAt && !d.saving ? (
          <View className='gz-banner gz-banner--ok' data-testid='deadlines-saved'>
            <Text>✓ 已保存</Text>
          </View>
        ) : null}
        <View className='gz-actions'>
          <ActionButton
            kind='secondary'
            testid='deadlines-defaults'
            onClick={() => {
              setDraft(draftOf({ days: DEFAULT_RESOLVE_DAYS }))
              setErrors({})
            }}
          >
            恢复默认
          </ActionButton>
          <ActionButton
            kind='primary'
            loading={d.saving}
            loadingText='正在保存…'
            testid='deadlines-save'
            onClick={() => void save()}
          >
            保存
          </ActionButton>
        </View>
      </ListState>
    </View>
  )
}
