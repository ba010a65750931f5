import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import type { RewardView } from '@/domain/points'
import { useBalance } from '../useBalance'
import { useShop } from '../useShop'
import './points.scss'

/** 积分超市: the community's rewards with the stock left; a redemption asks for confirmation first. */
export function PointsShop() {
  const s = useShop()
  const held = useBalance()
  const [asking, setAsking] = useState<RewardView | null>(null)
  const items = s.data?.items ?? []
  const confirm = async () => {
    if (asking && (await s.redeem(asking.id))) setAsking(null)
  }
  /** what I hold: the last redemption's answer, else the ledger's (null while unknown: the server still checks) */
  const balance = s.done ? s.done.balance : held
  return (
    <View className='gz-page points' data-testid='points-shop'>
      {balance !== null && !s.done ? (
        <Text className='points__title' data-testid='shop-balance'>
          我的积分：{balance} 分
        </Text>
      ) : null}
      {s.done ? (
        <Card title='兑换成功' testid='points-redeemed'>
          <Text className='points__title'>
            已兑换「{s.done.redemption.rewardName}」，扣除 {s.done.redemption.cost} 分，剩余 {s.done.balance} 分。
          </Text>
          <Text className='points__muted'>请到社区/村委会领取，工作人员发放后显示“已领取”。</Text>
        </Card>
      ) : null}
      <ListState status={s.status} error={s.error} isEmpty={items.length === 0} emptyText='积分超市还没有上架奖品' onRetry={() => void s.reload()}>
        {items.map((w) => (
          <Card key={w.id} title={w.name} testid={`reward-${w.id}`}>
            {w.description ? <Text className='points__muted'>{w.description}</Text> : null}
            <Text className='points__title'>
              {w.cost} 分 · 剩余 {w.stock} 件
            </Text>
            {w.stock === 0 ? (
              <Tag tone='grey'>已兑完</Tag>
            ) : balance !== null && w.cost > balance ? (
              <Text className='points__muted' data-testid={`short-${w.id}`}>积分不足，还差 {w.cost - balance} 分</Text>
            ) : asking?.id === w.id ? (
              <View className='points__row' data-testid='redeem-confirm-box'>
                <Text className='points__title'>确认用 {w.cost} 分兑换「{w.name}」吗？兑换后积分不退回。</Text>
                <ActionButton block loading={s.redeeming} loadingText='正在兑换…' testid='redeem-confirm' onClick={() => void confirm()}>确认兑换</ActionButton>
                <ActionButton kind='plain' testid='redeem-cancel' onClick={() => setAsking(null)}>取消</ActionButton>
                {s.redeemError ? <Text className='points__error' data-testid='redeem-error'>没有兑换成功：{s.redeemError.message}</Text> : null}
              </View>
            ) : (
              <ActionButton kind='secondary' testid={`redeem-${w.id}`} onClick={() => setAsking(w)}>兑换</ActionButton>
            )}
          </Card>
        ))}
      </ListState>
    </View>
  )
}
