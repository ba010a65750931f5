import { useState } from 'react'
import { Picker, Text, Textarea, View } from '@tarojs/components'
import {
  MEDIATION_KINDS,
  MEDIATION_KIND_LABELS,
  MEDIATION_OUTCOMES,
  MEDIATION_OUTCOME_LABELS,
  type ReportView,
} from '@/domain/reports'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { ListState } from '@/components/ListState'
import { categoryLabel } from '../../format'
import type { useMediate } from '../../useMediate'
import { dayText } from '../MediationCard'
import { PartiesField } from './PartiesField'
import '../StaffScreens.scss'

interface Props {
  m: ReturnType<typeof useMediate>
  /** saved: back to the report (with `escalate` when the dispute was not settled and may be escalated) */
  onDone: (report: ReportView, suggestEscalate: boolean) => void
  missingId?: boolean
}

/** 记录调解: kind, parties (at least two), one session (date + what happened), outcome with the agreement. */
export function MediateScreen({ m, onDone, missingId = false }: Props) {
  const [failedSaved, setFailedSaved] = useState<ReportView | null>(null)
  if (missingId) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--error' data-testid='mediate-missing'>
          <Text>没有指定要记录调解的问题。</Text>
        </View>
      </View>
    )
  }
  const f = m.form
  const report = m.report

  const save = async () => {
    const saved = await m.save()
    if (!saved) return
    if (saved.mediation?.outcome === 'failed' && saved.can.includes('escalate')) setFailedSaved(saved)
    else onDone(saved, false)
  }

  return (
    <View className='gz-page staff-screen' data-testid='mediate-screen'>
      <ListState
        status={m.status}
        error={m.error}
        isEmpty={false}
        emptyText=''
        onRetry={() => void m.reload()}
        skeletonRows={2}
      >
        {report ? (
          <Card title={`${categoryLabel(report.category)} · ${report.gridName}`}>
            <Text className='staff-screen__intro' data-testid='mediate-report'>
              {report.excerpt}
            </Text>
            {!report.can.includes('mediate') ? (
              <View className='gz-banner gz-banner--info' data-testid='mediate-not-allowed'>
                <Text>这个问题现在不能记录调解（需由负责的工作人员在受理后记录）。</Text>
              </View>
            ) : null}
          </Card>
        ) : null}

        {failedSaved ? (
          <View className='gz-banner gz-banner--error' data-testid='mediate-suggest-escalate'>
            <Text>已记录：调解未化解。建议上报上级处理，或引导当事人通过其他途径解决。</Text>
            <View className='gz-actions'>
              <ActionButton
                kind='secondary'
                testid='mediate-later'
                onClick={() => onDone(failedSaved, false)}
              >
                稍后再说
              </ActionButton>
              <ActionButton
                kind='primary'
                testid='mediate-escalate'
                onClick={() => onDone(failedSaved, true)}
              >
                去上报
              </ActionButton>
            </View>
          </View>
        ) : null}

        {f && !failedSaved ? (
          <Card>
            <FormField label='调解方式' name='kind' required error={m.errors.kind}>
              <ChoiceChips
                options={MEDIATION_KINDS.map((k) => ({ value: k, label: MEDIATION_KIND_LABELS[k] }))}
                value={f.kind}
                onChange={(kind) => m.setForm((x) => ({ ...x, kind }), 'kind')}
                testidPrefix='mediate-kind'
              />
            </FormField>

            <PartiesField parties={f.parties} error={m.errors.parties} setForm={m.setForm} />

            <FormField
              label='本次调解'
              name='session'
              hint='不填经过则只更新调解方式、当事人和结果'
              error={m.errors.sessionDate ?? m.errors.sessionNote}
            >
              <View className='staff-screen__stack'>
                <Picker
                  mode='date'
                  value={f.sessionDate}
                  onChange={(e) =>
                    m.setForm((x) => ({ ...x, sessionDate: String(e.detail.value) }), 'sessionDate')
                  }
                >
                  <View className='gz-input' data-testid='session-date'>
                    <Text>{dayText(f.sessionDate)}</Text>
                  </View>
                </Picker>
                <Textarea
                  className='gz-textarea'
                  value={f.sessionNote}
                  maxlength={2000}
                  placeholder='调解经过：双方诉求、达成的共识、下一步安排'
                  onInput={(e) => {
                    const sessionNote = e.detail.value
                    m.setForm((x) => ({ ...x, sessionNote }), 'sessionNote')
                  }}
                  data-testid='session-note'
                />
              </View>
            </FormField>

            <FormField label='调解结果' name='outcome' hint='还在调解中可以不选' error={m.errors.outcome}>
              <ChoiceChips
                options={MEDIATION_OUTCOMES.map((o) => ({ value: o, label: MEDIATION_OUTCOME_LABELS[o] }))}
                value={f.outcome}
                onChange={(outcome) =>
                  m.setForm((x) => ({ ...x, outcome: x.outcome === outcome ? '' : outcome }), 'outcome')
                }
                testidPrefix='mediate-outcome'
              />
            </FormField>

            {f.outcome === 'agreed' ? (
              <FormField label='调解协议' name='agreement' required error={m.errors.agreement}>
                <Textarea
                  className='gz-textarea'
                  value={f.agreement}
                  maxlength={2000}
                  placeholder='协议内容：各方同意的事项、履行方式和期限'
                  onInput={(e) => {
                    const agreement = e.detail.value
                    m.setForm((x) => ({ ...x, agreement }), 'agreement')
                  }}
                  data-testid='agreement'
                />
              </FormField>
            ) : null}
            {f.outcome === 'failed' ? (
              <Text className='gz-muted' data-testid='mediate-failed-hint'>
                未化解的纠纷，保存后可以上报上级处理。
              </Text>
            ) : null}

            {m.saveError ? (
              <View className='gz-banner gz-banner--error' data-testid='mediate-error'>
                <Text>没有保存成功：{m.saveError.message}</Text>
              </View>
            ) : null}
            <ActionButton
              kind='primary'
              size='large'
              block
              loading={m.saving}
              loadingText='正在保存…'
              testid='mediate-save'
              onClick={() => void save()}
            >
              保存调解记录
            </ActionButton>
          </Card>
        ) : null}
      </ListState>
    </View>
  )
}
