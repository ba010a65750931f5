import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ListFooter } from '@/components/ListFooter'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { ENTRY_KIND_LABELS, type PointsEntryView } from '@/domain/points'
import { useLedger } from '../useLedger'
import { signed, whenText } from '../format'
import './points.scss'

interface Props {
  /** the committee reading a named person's ledger (else mine) */
  userId?: string
  /** the committee: each entry may be reversed with a reason */
  canReverse?: boolean
  onOpen?: (to: 'rules' | 'board' | 'shop') => void
  /** bumped by the page when it is shown again (back from 积分超市): a quiet refresh of the balance and ledger */
  shownAgain?: number
}

/** 我的积分: the balance and the ledger, newest first; for the committee a named person's, with 冲正. */
export function MyPoints({ userId, canReverse = false, onOpen, shownAgain = 0 }: Props) {
  const l = useLedger(userId)
  const { refresh } = l.list
  useEffect(() => {
    if (shownAgain > 0) void refresh()
  }, [shownAgain, refresh])
  const [reversing, setReversing] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const confirm = async (e: PointsEntryView) => {
    if (await l.reverse(e.id, reason.trim())) {
      setReversing(null)
      setReason('')
    }
  }
  return (
    <View className='gz-page points' data-testid='my-points'>
      <Card title={userId && l.name ? `${l.name}的积分` : '我的积分'} testid='points-balance-card'>
        <Text className='points__balance' data-testid='points-balance'>
          {l.balance === null ? '—' : `${l.balance} 分`}
        </Text>
        {onOpen ? (
          <View className='points__row'>
            <ActionButton kind='secondary' testid='points-open-shop' onClick={() => onOpen('shop')}>积分超市</ActionButton>
            <ActionButton kind='secondary' testid='points-open-board' onClick={() => onOpen('board')}>本月积分榜</ActionButton>
            <ActionButton kind='plain' testid='points-open-rules' onClick={() => onOpen('rules')}>积分规则</ActionButton>
          </View>
        ) : null}
      </Card>
      <Card title='积分明细'>
        <ListState
          status={l.list.status}
          error={l.list.error}
          isEmpty={l.list.items.length === 0}
          emptyText='还没有积分记录'
          emptyHint='问题被受理、参加巡逻、响应动员、意见被答复都能获得积分'
          onRetry={() => void l.list.retry()}
        >
          {l.list.items.map((e) => (
            <View key={e.id} className='points__row' data-testid={`points-entry-${e.id}`}>
              <Text className='points__title'>
                {signed(e.points)} 分 · {e.reason}
              </Text>
              <Text className='points__muted'>
                {ENTRY_KIND_LABELS[e.sourceKind]} · {whenText(e.at)} · {e.grantedBy}
              </Text>
              {e.reversedBy ? <Tag tone='grey'>已冲正</Tag> : null}
              {canReverse && !e.reversedBy && e.sourceKind !== 'redemption' && e.sourceKind !== 'reversal' ? (
                reversing === e.id ? (
                  <View className='points__row'>
                    <Input className='gz-input' value={reason} maxlength={200} placeholder='冲正原因（必填）' onInput={(ev) => setReason(ev.detail.value)} data-testid='points-reverse-reason' />
                    <ActionButton kind='destructive' loading={l.reversing} loadingText='正在冲正…' disabled={reason.trim().length < 2} testid='points-reverse-confirm' onClick={() => void confirm(e)}>
                      确认冲正 {signed(-e.points)} 分
                    </ActionButton>
                    <ActionButton kind='plain' testid='points-reverse-cancel' onClick={() => setReversing(null)}>取消</ActionButton>
                    {l.reverseError ? <Text className='points__error' data-testid='points-reverse-error'>没有冲正成功：{l.reverseError.message}</Text> : null}
                  </View>
                ) : (
                  <ActionButton kind='danger' testid={`points-reverse-${e.id}`} onClick={() => { setReversing(e.id); setReason('') }}>冲正</ActionButton>
                )
              ) : null}
            </View>
          ))}
          <ListFooter list={l.list} />
        </ListState>
      </Card>
    </View>
  )
}
