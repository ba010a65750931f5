import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { PagedList } from '@/components/PagedList'
import { StatBar } from '@/components/StatBar'
import { Tag } from '@/components/Tag'
import type { MemberView } from '@/domain/members'
import { voterUnit } from '../format'
import { useOffline, type Recorded } from '../useOffline'
import { choiceLabel, choiceOf, choicesOf } from './choices'
import { ReceiptCard } from './ReceiptCard'
import './Offline.scss'

/** 录入线下表决: pick the resident (searchable), their choice, confirm, then hand over the receipt. */
export function OfflineScreen({ motionId }: { motionId: string }) {
  const o = useOffline(motionId)
  const [person, setPerson] = useState<MemberView | null>(null)
  const [value, setValue] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [receipt, setReceipt] = useState<Recorded | null>(null)
  const m = o.motion.data

  if (!m) {
    return (
      <View className='gz-page'>
        {o.motion.status === 'error' ? (
          <View className='gz-banner gz-banner--error' data-testid='offline-load-error'>
            <Text>议题没有加载出来：{o.motion.error?.message}</Text>
          </View>
        ) : (
          <Text className='gz-muted'>正在加载议题…</Text>
        )}
      </View>
    )
  }
  if (!m.can.recordOffline) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--info' data-testid='offline-not-open'>
          <Text>线下表决只能在表决期间录入，这个议题{m.status === 'closed' ? '已结束' : '还没开始表决'}。</Text>
        </View>
      </View>
    )
  }
  const next = () => {
    setReceipt(null)
    setPerson(null)
    setValue('')
    o.done()
  }
  const record = async () => {
    if (!person) return
    const sent = await o.submit(person.id, choiceOf(m, value))
    setConfirming(false)
    if (sent.ok) setReceipt(sent.data)
  }

  return (
    <View className='gz-page motion-offline' data-testid='offline-screen'>
      <Card>
        <Text className='motion-offline__title'>{m.title}</Text>
        <StatBar label='投票率' value={m.turnout.cast} total={m.turnout.eligible} unit={voterUnit(m)} testid='offline-turnout' />
        <Text className='gz-muted'>为在村民会议、居民会议上投票或不用智能手机的居民登记。每人{m.eligibility === 'households' ? '（每户）' : ''}只能投一次，线上线下合计。</Text>
      </Card>
      {receipt ? (
        <ReceiptCard receipt={receipt.code} offline recovered={receipt.recovered} onDone={next} />
      ) : person ? (
        <Card title='登记这位居民的选择' testid='offline-choice'>
          <View className='motion-offline__person'>
            <Text className='motion-offline__name' data-testid='offline-person'>
              {person.name}
            </Text>
            <Text className='gz-muted'>{person.gridName ?? ''}</Text>
            {person.rosterOnly ? <Tag tone='grey'>代登记（无智能手机）</Tag> : null}
          </View>
          <Text className='motion-offline__address' data-testid='offline-person-address'>
            {person.address ? `住址：${person.address}` : '没有绑定住户（门牌未知）'}
            {m.eligibility === 'households' && person.address ? '。这一票代表这一户。' : ''}
          </Text>
          <ChoiceChips options={choicesOf(m)} value={value} onChange={setValue} testidPrefix='offline-choice' />
          {o.error?.code === 'ALREADY_VOTED' && o.unchecked ? (
            <View className='gz-banner gz-banner--info motion-offline__voted' data-testid='offline-unchecked'>
              <Text>
                {person.name}的这一票已经录入过。上次登记的回执码还保存在这台手机上，但暂时没能核对（{o.unchecked}）。请稍后再点“登记”，核对后会显示回执码。
              </Text>
            </View>
          ) : o.error?.code === 'ALREADY_VOTED' ? (
            <View className='gz-banner gz-banner--error motion-offline__voted' data-testid='offline-already-voted'>
              <Text>
                {m.eligibility === 'households'
                  ? `${person.address ?? '这一户'}已经投过票（家人在手机上投的，或由其他工作人员在线下登记），每户只能投一次，不能再登记，这里也无法显示那一票的回执码。`
                  : `${person.name}已经投过票（本人在手机上投的，或由其他工作人员在线下登记），每人只能投一次，不能再登记，这里也无法显示那一票的回执码。`}
                请点“换一位”。
              </Text>
            </View>
          ) : o.error ? (
            <Text className='motion-offline__error' data-testid='offline-error'>
              {o.error.message}
            </Text>
          ) : null}
          <View className='motion-offline__row'>
            <ActionButton kind='secondary' testid='offline-back' onClick={next}>
              换一位
            </ActionButton>
            <ActionButton kind='primary' testid='offline-submit' disabled={!value} onClick={() => setConfirming(true)}>
              {value ? '登记' : '请先选择'}
            </ActionButton>
          </View>
        </Card>
      ) : (
        <PeoplePicker o={o} onPick={setPerson} />
      )}
      <Dialog
        visible={confirming}
        title='确认登记线下表决'
        content={
          <View className='motion-offline__dialog' data-testid='offline-dialog'>
            <Text>居民：{person?.name}</Text>
            {person?.address ? <Text>住址：{person.address}</Text> : null}
            <Text className='motion-offline__name'>选择：{value ? choiceLabel(m, value) : ''}</Text>
            <Text>登记后不能更改。请确认是居民本人当面的选择。</Text>
          </View>
        }
        footer={
          <View className='motion-offline__row'>
            <ActionButton kind='secondary' testid='offline-cancel' onClick={() => setConfirming(false)}>
              取消
            </ActionButton>
            <ActionButton kind='primary' testid='offline-confirm' loading={o.submitting} loadingText='正在登记…' onClick={() => void record()}>
              确认登记
            </ActionButton>
          </View>
        }
        onClose={() => setConfirming(false)}
      />
    </View>
  )
}

function PeoplePicker({ o, onPick }: { o: ReturnType<typeof useOffline>; onPick: (p: MemberView) => void }) {
  const list = o.people
  return (
    <Card title='选择居民' testid='offline-picker'>
      <Input className='gz-input' value={o.query} maxlength={20} placeholder='输入姓名、门牌或手机号查找' onInput={(e) => o.setQuery(e.detail.value)} data-testid='offline-search' />
      <PagedList list={list} refreshError='none' emptyText='没有找到这位居民' emptyHint='没有智能手机的居民，请先在“住户名单”里代为登记'>
        <View className='motion-offline__people' data-testid='offline-people'>
          {list.items.map((p) => (
            <View
              key={p.id}
              className={`motion-offline__pick${p.verified ? '' : ' motion-offline__pick--off'}`}
              hoverClass={p.verified ? 'motion-offline__pick--pressed' : 'none'}
              role='button'
              aria-disabled={p.verified ? 'false' : 'true'}
              data-testid='offline-person-row'
              onClick={() => (p.verified ? onPick(p) : undefined)}
            >
              <View className='motion-offline__pick-text'>
                <Text className='motion-offline__name'>{p.name}</Text>
                {p.address ? (
                  <Text className='motion-offline__address' data-testid='offline-person-row-address'>
                    {p.address}
                  </Text>
                ) : null}
                <Text className='gz-muted'>
                  {[p.gridName, p.phone].filter(Boolean).join(' · ')}
                  {p.verified ? '' : ' · 未认证，不能投票'}
                </Text>
              </View>
              {p.rosterOnly ? <Tag tone='grey'>代登记</Tag> : null}
            </View>
          ))}
        </View>
      </PagedList>
    </Card>
  )
}
