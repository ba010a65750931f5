import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { ListState } from '@/components/ListState'
import { StatBar } from '@/components/StatBar'
import { Tag } from '@/components/Tag'
import { FOLLOW_UP_KIND_LABELS } from '@/domain/visits'
import { useCoverage } from '../useCoverage'
import { dayText, dueText } from '../format'
import '../../../components/workspace.scss'
import './visits.scss'

const PLAN_CHOICES = [
  { value: '1', label: '每月' },
  { value: '3', label: '每季度' },
  { value: '6', label: '每半年' },
  { value: '12', label: '每年' },
]

/** The committee's 走访覆盖: per grid and per worker this period, overdue follow-ups, and the period it sets. */
export function VisitCoverage({ userId, committee }: { userId: string; committee: boolean }) {
  const c = useCoverage(userId)
  const [editing, setEditing] = useState(false)
  const d = c.data
  return (
    <View className='gz-page visits workspace' data-testid='visit-coverage'>
      <ListState status={c.status} error={c.error} isEmpty={false} emptyText='' onRetry={() => void c.reload()}>
        {d ? (
          <>
            <Card title='走访周期' testid='coverage-plan'>
              <Text className='workspace__text' data-testid='coverage-period'>
                每 {d.period.months} 个月每户至少走访一次；本期从{dayText(d.period.from)}起。
              </Text>
              {committee && !editing ? (
                <ActionButton kind='secondary' testid='coverage-plan-edit' onClick={() => setEditing(true)}>
                  修改周期
                </ActionButton>
              ) : null}
              {editing ? (
                <>
                  <ChoiceChips<string>
                    options={PLAN_CHOICES}
                    value={String(d.period.months)}
                    onChange={(v) => void c.setPlan(Number(v)).then((ok) => ok && setEditing(false))}
                    testidPrefix='coverage-plan'
                  />
                  {c.saving ? <Text className='visits__muted'>正在保存…</Text> : null}
                  {c.saveError ? (
                    <Text className='visits__error' data-testid='coverage-plan-error'>
                      没有保存成功：{c.saveError.message}
                    </Text>
                  ) : null}
                </>
              ) : null}
            </Card>
            <Card title='各网格本期走访' testid='coverage-grids'>
              {d.grids.map((g) => (
                <View key={g.gridId} className='visits__row' data-testid={`coverage-grid-${g.gridId}`}>
                  <StatBar label={g.gridName} value={g.visited} total={g.households} unit='户' />
                  <Text className='visits__muted'>
                    {g.notVisited ? `还差 ${g.notVisited} 户没走访` : '每户都走访过了'}
                    {g.followUps ? `；重点关注 ${g.followUps} 户${g.followUpsOverdue ? `，${g.followUpsOverdue} 户已到期` : ''}` : ''}
                  </Text>
                </View>
              ))}
            </Card>
            <Card title='网格员本期走访' testid='coverage-workers'>
              {d.workers.length === 0 ? (
                <Text className='visits__muted' data-testid='coverage-workers-none'>本期还没有走访记录</Text>
              ) : (
                d.workers.map((w) => (
                  <Text key={w.userId} className='workspace__text' data-testid={`coverage-worker-${w.userId}`}>
                    {w.name}：走访 {w.visits} 次，{w.households} 户
                  </Text>
                ))
              )}
            </Card>
            <Card title='到期未探访的重点关注户' testid='coverage-due'>
              {d.followUpsDue.length === 0 ? (
                <Text className='visits__muted' data-testid='coverage-due-none'>没有到期的重点关注户</Text>
              ) : (
                d.followUpsDue.map((f) => (
                  <View key={f.householdId} className='visits__row' data-testid={`coverage-due-${f.householdId}`}>
                    <Text className='workspace__text'>
                      {f.household.gridName} {f.household.address} {f.household.headName}（{FOLLOW_UP_KIND_LABELS[f.kind]}）
                    </Text>
                    <Tag tone='red'>{dueText(f.dueAt)}</Tag>
                  </View>
                ))
              )}
            </Card>
          </>
        ) : null}
      </ListState>
    </View>
  )
}
