import { Text, View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { ACTION_KIND_LABELS, JUDGEMENT_LABELS, WARNING_LEVEL_LABELS, periodText } from '@/domain/warnings'
import { useWarning } from '../useWarnings'
import { stateText, timeText, titleOf } from '../format'
import { AssessForm } from './AssessForm'
import { WarningReportRow } from './WarningReportRow'
import './warnings.scss'

/** A warning's page: what it says, the figures and reports behind it, the 会商研判 so far and the form for the next. */
export function WarningDetail({ id, onOpenReport }: { id: string; onOpenReport: (reportId: string) => void }) {
  const w = useWarning(id)
  const d = w.data
  return (
    <View className='gz-page warnings' data-testid='warning-detail'>
      <ListState status={w.status} error={w.error} isEmpty={false} emptyText='' onRetry={() => void w.reload()}>
        {d ? (
          <>
            <Card testid='warning-summary'>
              <Text className='warnings__title'>{titleOf(d)}</Text>
              <Text className='warnings__text'>{d.summary}</Text>
              <View>
                <Tag tone={d.status === 'open' ? 'red' : 'grey'} testid='warning-state'>
                  {stateText(d)}
                </Tag>
              </View>
              <Text className='warnings__muted'>
                {timeText(d.raisedAt)} 预警，由{WARNING_LEVEL_LABELS[d.level]}负责{d.closedAt ? `；${timeText(d.closedAt)} 关闭` : ''}
              </Text>
            </Card>
            <Card title='依据' testid='warning-figures'>
              <Text className='warnings__text' data-testid='warning-observed'>
                {d.period ? `${periodText(d.period)}起一周：` : ''}计入 {d.observed} {d.signal === 'dispute' ? '次' : '件'}
              </Text>
              {d.baseline !== null ? (
                <Text className='warnings__text' data-testid='warning-baseline'>
                  近期每周平均 {d.baseline} 件；按泊松检验，偶然出现这么多的概率{formatP(d.pValue)}
                </Text>
              ) : null}
            </Card>
            <Card title={`涉及的报事（${d.reportIds.length} 件）`} testid='warning-reports'>
              {d.reportIds.map((r, i) => (
                <WarningReportRow key={r} reportId={r} n={i + 1} onOpen={onOpenReport} />
              ))}
            </Card>
            <Card title='会商研判记录' testid='warning-assessments'>
              {d.assessments.length === 0 ? (
                <Text className='warnings__muted' data-testid='warning-assessments-none'>还没有研判记录</Text>
              ) : (
                d.assessments.map((a) => (
                  <View key={a.id} className='warnings__row' data-testid={`warning-assessment-${a.id}`}>
                    <Text className='warnings__text'>
                      {timeText(a.at)} {a.assessorName}
                      {a.participants.length ? `、${a.participants.join('、')}` : ''}：{JUDGEMENT_LABELS[a.judgement]}
                      {a.closed ? '，关闭预警' : ''}
                    </Text>
                    {a.actions.map((x, i) => (
                      <Text key={i} className='warnings__muted'>
                        {ACTION_KIND_LABELS[x.kind]}
                        {x.note ? `：${x.note}` : ''}
                      </Text>
                    ))}
                    {a.note ? <Text className='warnings__muted'>{a.note}</Text> : null}
                  </View>
                ))
              )}
            </Card>
            {d.canAssess ? <AssessForm warningId={d.id} onSubmit={w.assess} saving={w.saving} error={w.saveError} /> : null}
          </>
        ) : null}
      </ListState>
    </View>
  )
}

function formatP(p: number | null): string {
  if (p === null) return '无法计算'
  return p < 0.001 ? '不到千分之一' : `约 ${(p * 100).toFixed(1)}%`
}
