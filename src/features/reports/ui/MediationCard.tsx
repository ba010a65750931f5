import { Text, View } from '@tarojs/components'
import { MEDIATION_KIND_LABELS, MEDIATION_OUTCOME_LABELS, type ReportView } from '@/domain/reports'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import './MediationCard.scss'

/** 'YYYY-MM-DD' → 2026年11月3日 (a session's date is a calendar day, no time zone). */
export function dayText(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return m ? `${m[1]}年${+m[2]}月${+m[3]}日` : day
}

/** A dispute's mediation record: kind, parties, sessions, outcome and agreement. Nothing without one. */
export function MediationCard({ report }: { report: ReportView }) {
  const m = report.mediation
  if (!m) return null
  const outcome = m.outcome ? (
    <Tag tone={m.outcome === 'agreed' ? 'green' : 'red'} testid='mediation-outcome'>
      {MEDIATION_OUTCOME_LABELS[m.outcome]}
    </Tag>
  ) : (
    <Tag tone='amber' testid='mediation-outcome'>
      调解中
    </Tag>
  )
  return (
    <Card title='调解记录' extra={outcome} testid='mediation-card'>
      <View className='mediation-card'>
        <View className='mediation-card__row'>
          <Text className='mediation-card__label'>调解方式</Text>
          <Text className='mediation-card__value' data-testid='mediation-kind'>
            {MEDIATION_KIND_LABELS[m.kind] ?? m.kind}
          </Text>
        </View>
        <View className='mediation-card__row'>
          <Text className='mediation-card__label'>当事人</Text>
          <View className='mediation-card__parties' data-testid='mediation-parties'>
            {m.parties.map((p, i) => (
              <Text key={i} className='mediation-card__party'>
                {p.role ? `${p.name}（${p.role}）` : p.name}
              </Text>
            ))}
          </View>
        </View>
        {m.sessions.length ? (
          <View className='mediation-card__sessions' data-testid='mediation-sessions'>
            <Text className='mediation-card__label'>调解经过（{m.sessions.length} 次）</Text>
            {m.sessions.map((s, i) => (
              <View key={i} className='mediation-card__session' data-testid='mediation-session'>
                <Text className='mediation-card__session-head'>
                  {dayText(s.date)} · {s.recordedBy}
                </Text>
                <Text className='mediation-card__session-note'>{s.note}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className='gz-muted'>还没有调解经过的记录。</Text>
        )}
        {m.outcome === 'agreed' && m.agreement ? (
          <View className='mediation-card__agreement' data-testid='mediation-agreement'>
            <Text className='mediation-card__label'>调解协议</Text>
            <Text className='mediation-card__session-note'>{m.agreement}</Text>
          </View>
        ) : null}
        {m.outcome === 'failed' ? (
          <Text className='mediation-card__failed' data-testid='mediation-failed'>
            调解未化解，可上报上级或引导当事人通过其他途径解决。
          </Text>
        ) : null}
      </View>
    </Card>
  )
}
