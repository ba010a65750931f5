import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { CADRE_TITLE_LABELS, MAX_HOUSEHOLDS_PER_CADRE, type CadreView } from '@/domain/contacts'
import type { useContactOverview } from '../useContacts'
import { useRemoveCadre } from '../useCadres'
import { CadreSetForm } from './CadreSetForm'
import { lastContactText } from '../format'
import './contacts.scss'

interface Props {
  o: ReturnType<typeof useContactOverview>
}

/**
 * 联系户管理 (committee): 设定联系人 (search a person, title, phone, note) and 取消联系人; the cadres with their households and last contact (没有联系 in the period is flagged), and
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
  const reload = () => overview.reload({ silent: true })
  const removal = useRemoveCadre(reload)
  // the cadre whose removal waits for the confirmation
  const [confirming, setConfirming] = useState<CadreView | null>(null)
  const [removed, setRemoved] = useState<string | null>(null)
  const remove = async (c: CadreView) => {
    setRemoved(null)
    if (await removal.remove(c.userId)) {
      setConfirming(null)
      setRemoved(`已取消 ${c.name} 的联系人身份，他联系的住户重新列入“没有联系人的住户”`)
    }
  }
  const open = (d?.cadres ?? []).filter((c) => c.households < MAX_HOUSEHOLDS_PER_CADRE)
  return (
    <View className='gz-page contact-overview' data-testid='contact-overview'>
      <ListState status={d ? 'ready' : overview.status} error={overview.error} isEmpty={false} emptyText='' skeletonRows={3} onRetry={() => void overview.reload()}>
        {d ? (
          <>
            <CadreSetForm cadres={d.cadres} onSaved={reload} />
            <Card title={`联系户党员/干部（${d.cadres.length}）`}>
              {d.cadres.length === 0 ? <Text className='gz-muted'>还没有设置联系户党员/干部</Text> : null}
              {d.cadres.map((c) => (
                <CadreRow
                  key={c.userId}
                  c={c}
                  days={d.days}
                  onRemove={() => {
                    removal.clearError()
                    setConfirming(c)
                  }}
                />
              ))}
              {removed ? (
                <View className='gz-banner gz-banner--ok' data-testid='cadre-removed'>
                  <Text>{removed}</Text>
                </View>
              ) : null}
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
      <Dialog
        visible={confirming !== null}
        title='取消联系人？'
        content={
          <View data-testid='cadre-remove-dialog'>
            <Text>{confirming ? `取消 ${confirming.name} 的联系人身份后，他联系的 ${confirming.households} 户会重新列入“没有联系人的住户”，以前的联系记录保留。` : ''}</Text>
            {removal.error ? (
              <Text className='gz-banner gz-banner--error' data-testid='cadre-remove-error'>{`没有取消成功：${removal.error.message}`}</Text>
            ) : null}
          </View>
        }
        footer={
          <View className='contact-households__actions'>
            <ActionButton kind='secondary' testid='cadre-remove-keep' onClick={() => setConfirming(null)}>
              不取消
            </ActionButton>
            <ActionButton
              kind='destructive'
              testid='cadre-remove-confirm'
              loading={removal.removing !== null}
              loadingText='正在取消…'
              onClick={() => {
                if (confirming) void remove(confirming)
              }}
            >
              确定取消
            </ActionButton>
          </View>
        }
        onClose={() => setConfirming(null)}
      />
    </View>
  )
}

function CadreRow({ c, days, onRemove }: { c: CadreView; days: number; onRemove: () => void }) {
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
      <ActionButton kind='danger' testid='cadre-remove' onClick={onRemove}>
        取消联系人
      </ActionButton>
    </View>
  )
}
