import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { Tag, type TagTone } from '@/components/Tag'
import { formatDateTime } from '@/components/time'
import { RISK_CATEGORY_LABELS, RISK_LEVEL_LABELS, SIGN_OFF_LABELS, type MotionView, type RiskLevel } from '@/domain/motions'
import type { ApiError } from '@/services/apiError'
import type { Done } from '../useMotion'

const LEVEL_TONES: Record<RiskLevel, TagTone> = { low: 'green', medium: 'amber', high: 'red' }

interface RiskCardProps {
  motion: MotionView
  busy: boolean
  error: ApiError | null
  onAssess: () => void
  onSignOff: (decision: 'approved' | 'returned', note: string) => Promise<Done<void>>
}

/**
 * 稳评 of a major motion: to everyone, that an assessment was made, its level and the street's answer, and what
 * still holds voting; to staff, the whole assessment; the committee files it, the street signs a 高 one off.
 */
export function RiskCard({ motion: m, busy, error, onAssess, onSignOff }: RiskCardProps) {
  const [note, setNote] = useState('')
  const { risk } = m
  if (!risk.major) return null
  const a = risk.assessment
  const full = risk.full
  return (
    <Card title='社会稳定风险评估（稳评）' testid='risk-card' extra={<Tag tone='purple'>重大事项</Tag>}>
      {a ? (
        <View className='motion-detail__risk-head' data-testid='risk-level'>
          <Tag tone={LEVEL_TONES[a.level]}>{RISK_LEVEL_LABELS[a.level]}</Tag>
          <Text className='gz-muted'>评估于 {formatDateTime(a.filedAt)}</Text>
          {a.signOff ? <Tag tone={a.signOff === 'approved' ? 'green' : a.signOff === 'returned' ? 'red' : 'amber'}>{SIGN_OFF_LABELS[a.signOff]}</Tag> : null}
        </View>
      ) : (
        <Text className='motion-detail__text' data-testid='risk-none'>
          这是涉及大家切身利益的重大事项，表决前社区要先评估可能引发的矛盾和风险，并说明怎么化解。
        </Text>
      )}
      {risk.block ? (
        <View className='gz-banner gz-banner--warn' data-testid='risk-block'>
          <Text>{risk.block}</Text>
        </View>
      ) : null}
      {full ? (
        <View className='motion-detail__risk-full' data-testid='risk-full'>
          <Text className='motion-detail__label'>发现的风险</Text>
          {full.risks.length === 0 ? <Text className='gz-muted'>评估未发现明显风险。</Text> : null}
          {full.risks.map((r, i) => (
            <Text key={i} className='motion-detail__text' data-testid='risk-item'>
              【{RISK_CATEGORY_LABELS[r.category]}】{r.description}
            </Text>
          ))}
          <Text className='motion-detail__label'>征求意见情况</Text>
          <Text className='motion-detail__text'>{full.consultation.summary}</Text>
          {full.consultation.commentIds.length > 0 ? <Text className='gz-muted'>参考了居民意见 {full.consultation.commentIds.length} 条</Text> : null}
          <Text className='motion-detail__label'>化解措施</Text>
          <Text className='motion-detail__text'>{full.mitigation}</Text>
          <Text className='gz-muted'>
            第 {full.rev} 版，{full.filedByName} 提交
            {full.signedByName ? `；街道 ${full.signedByName} ${full.signOff ? SIGN_OFF_LABELS[full.signOff] : ''}` : ''}
          </Text>
          {full.signNote ? <Text className='motion-detail__text' data-testid='risk-sign-note'>街道意见：{full.signNote}</Text> : null}
        </View>
      ) : null}
      {m.can.assessRisk ? (
        <ActionButton kind={a ? 'secondary' : 'primary'} block testid='risk-assess' onClick={onAssess}>
          {a ? '重新评估' : '填写稳评'}
        </ActionButton>
      ) : null}
      {m.can.signOffRisk ? (
        <View className='motion-detail__form' data-testid='risk-signoff'>
          <Text className='motion-detail__label'>街道审核</Text>
          <Textarea className='gz-textarea' value={note} maxlength={200} placeholder='审核意见（退回时请写明原因）' onInput={(e) => setNote(e.detail.value)} data-testid='risk-sign-text' />
          <View className='motion-detail__row'>
            <ActionButton kind='secondary' testid='risk-return' loading={busy} onClick={() => void onSignOff('returned', note)}>
              退回修改
            </ActionButton>
            <ActionButton kind='primary' testid='risk-approve' loading={busy} onClick={() => void onSignOff('approved', note)}>
              同意进入表决
            </ActionButton>
          </View>
        </View>
      ) : null}
      {error ? (
        <Text className='motion-detail__error' data-testid='risk-error'>
          {error.message}
        </Text>
      ) : null}
    </Card>
  )
}
