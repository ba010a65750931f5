import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { CADRE_TITLE_LABELS, MAX_HOUSEHOLDS_PER_CADRE, type CadreView } from '@/domain/contacts'
import type { useContactOverview } from '../useContacts'
import { lastContactText } from '../format'
import './contacts.scss'

interface Props {
  o: ReturnType<typeof useContactOverview>
}

/**
 * 联系户管理 (committee): the cadres with their households and last contact (没有联系 in the period is flagged), and
 * the households without a contact, each assigned from here to a cadre chosen in one tap.
 */
export function ContactOverview({ o }: Props) {
  const { overview } = o
  const d = overview.data
  const [cadreId, setCadreId] = useState<string>('')
  // the row leaves the list once assigned: say where it went
  const [done, setDone] = useState<string | null>(null)
  const assign = async (h: { householdId: string; gridName: string; address: string }) => {
    setDone(null)
    const name = d?.cadres.find((c) => c.userId === cadreId)?.name ?? ''
    if (await o.assign(h.householdId, cadreId)) setDone(`已把 ${h.gridName} ${h.address} 指派给 ${name}`)
  }
  const open = (d?.cadres ?? []).filter((c) => c.households < MAX_HOUSEHOLDS_PER_CADRE)
  return (
    <View className='gz-page contact-overview' data-testid='contact-overview'>
      <ListState status={d ? 'ready' : overview.status} error={overview.error} isEmpty={false} emptyText='' skeletonRows={3} onRetry={() => void overview.reload()}>
        {d ? (
          <>
            <Card title={`联系户党员/干部（${d.cadres.length}）`}>
              {d.cadres.length === 0 ? <Text className='gz-muted'>还没有设置联系户党员/干部</Text> : null}
              {d.cadres.map((c) => (
                <CadreRow key={c.userId} c={c} days={d.days} />
              ))}
            </Card>
            <Card title={`没有联系人的住户（${d.uncoveredTotal}）`} testid='uncovered'>
              {d.uncoveredTotal === 0 ? <Text className='gz-muted'>每户都有联系人了</Text> : null}
              {d.uncoveredTotal > 0 && open.length > 0 ? (
                <View className='contact-overview__pick'>
                  <Text className='contact-overview__label'>先选联系人，再点住户后面的“指派”</Text>
                  <ChoiceChips<string>
                    options={open.map((c) => ({ value: c.userId, label: `${c.name}（${c.households}户）` }))}
                    value={cadreId}
                    onChange={setCadreId}
                    testidPrefix='pick-cadre'
                  />
                </View>
              ) : null}
              {done && !o.error ? (
                <View className='gz-banner gz-banner--ok' data-testid='assign-done'>
                  <Text>{done}</Text>
                </View>
              ) : null}
              {o.error ? (
                <View className='gz-banner gz-banner--error' data-testid='assign-error'>
                  <Text>{`没有指派成功：${o.error.message}`}</Text>
                </View>
              ) : null}
              {d.uncovered.map((h) => (
                <View key={h.householdId} className='contact-overview__row' data-testid='uncovered-household'>
                  <View className='contact-overview__who'>
                    <Text>{`${h.gridName} ${h.address}`}</Text>
                    <Text className='gz-muted'>{`户主 ${h.headName}`}</Text>
                  </View>
                  <ActionButton
                    kind='secondary'
                    testid='assign'
                    disabled={!cadreId || o.assigning !== null}
                    loading={o.assigning === h.householdId}
                    loadingText='指派中…'
                    onClick={() => void assign(h)}
                  >
                    指派
                  </ActionButton>
                </View>
              ))}
              {d.uncoveredTotal > d.uncovered.length ? (
                <Text className='gz-muted'>{`只显示了前 ${d.uncovered.length} 户，指派后会显示后面的住户`}</Text>
              ) : null}
            </Card>
          </>
        ) : null}
      </ListState>
    </View>
  )
}

function CadreRow({ c, days }: { c: CadreView; days: number }) {
  return (
    <View className='contact-overview__row' data-testid='cadre-row'>
      <View className='contact-overview__who'>
        <View className='contact-overview__name'>
          <Text>{c.name}</Text>
          <Tag tone='blue'>{CADRE_TITLE_LABELS[c.title]}</Tag>
          {c.idle ? (
            <Tag tone='amber' testid='cadre-idle'>
              {`${days} 天内没有联系记录`}
            </Tag>
          ) : null}
        </View>
        <Text className='gz-muted' data-testid='cadre-summary'>
          {`联系 ${c.households} 户 · ${lastContactText(c.lastLogAt, null).replace('上次联系', '最近一次')}`}
        </Text>
      </View>
    </View>
  )
}
