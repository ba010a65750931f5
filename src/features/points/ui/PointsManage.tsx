import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { FormField } from '@/components/FormField'
import { ListFooter } from '@/components/ListFooter'
import { ListState } from '@/components/ListState'
import { rewardCreateSchema } from '@/domain/points'
import { useRedemptions } from '../useRedemptions'
import { useShop } from '../useShop'
import { whenText } from '../format'
import './points.scss'

const EMPTY = { name: '', cost: '', stock: '', description: '' }

/** The committee's 积分管理: rewards (上架 with stock), redemptions to hand out (已领取), and the way to the rules. */
export function PointsManage({ onRules, onPerson }: { onRules: () => void; onPerson: (userId: string) => void }) {
  const shop = useShop()
  const r = useRedemptions('pending')
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const create = async () => {
    const parsed = rewardCreateSchema.safeParse({
      name: form.name,
      cost: form.cost.trim() === '' ? NaN : Number(form.cost),
      stock: form.stock.trim() === '' ? NaN : Number(form.stock),
      ...(form.description.trim() ? { description: form.description } : {}),
    })
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
      return
    }
    setErrors({})
    if (await shop.create(parsed.data)) setForm(EMPTY)
  }
  return (
    <View className='gz-page points' data-testid='points-manage'>
      <ActionButton kind='secondary' testid='points-manage-rules' onClick={onRules}>积分规则设置</ActionButton>
      <Card title='待发放的兑换' testid='points-pending'>
        <ListState status={r.list.status} error={r.list.error} isEmpty={r.list.items.length === 0} emptyText='没有待发放的兑换' onRetry={() => void r.list.retry()}>
          {r.list.items.map((d) => (
            <View key={d.id} className='points__row' data-testid={`redemption-${d.id}`}>
              <Text className='points__title'>
                {d.personName} · {d.rewardName}（{d.cost} 分）
              </Text>
              <Text className='points__muted'>{whenText(d.at)} 兑换</Text>
              <ActionButton loading={r.handing} loadingText='正在保存…' testid={`hand-over-${d.id}`} onClick={() => void r.handOver(d.id)}>已领取</ActionButton>
              <ActionButton kind='plain' testid={`person-${d.id}`} onClick={() => onPerson(d.userId)}>查看积分明细</ActionButton>
            </View>
          ))}
          {r.handError ? <Text className='points__error' data-testid='hand-over-error'>没有保存成功：{r.handError.message}</Text> : null}
          <ListFooter list={r.list} />
        </ListState>
      </Card>
      <Card title='上架奖品' testid='reward-form'>
        <FormField label='奖品名称' name='name' required error={errors.name}>
          <Input className='gz-input' value={form.name} maxlength={40} onInput={(e) => setForm({ ...form, name: e.detail.value })} data-testid='reward-name' />
        </FormField>
        <FormField label='所需积分' name='cost' required error={errors.cost}>
          <Input className='gz-input' type='number' value={form.cost} onInput={(e) => setForm({ ...form, cost: e.detail.value })} data-testid='reward-cost' />
        </FormField>
        <FormField label='库存（件）' name='stock' required error={errors.stock}>
          <Input className='gz-input' type='number' value={form.stock} onInput={(e) => setForm({ ...form, stock: e.detail.value })} data-testid='reward-stock' />
        </FormField>
        <FormField label='说明' name='description' hint='例如：到社区服务中心领取' error={errors.description}>
          <Textarea className='gz-textarea' value={form.description} maxlength={300} onInput={(e) => setForm({ ...form, description: e.detail.value })} data-testid='reward-description' />
        </FormField>
        <ActionButton block loading={shop.creating} loadingText='正在上架…' testid='reward-create' onClick={() => void create()}>上架</ActionButton>
        {shop.createError ? <Text className='points__error' data-testid='reward-create-error'>没有上架成功：{shop.createError.message}</Text> : null}
      </Card>
      <Card title='在售奖品' testid='reward-list'>
        <ListState status={shop.status} error={shop.error} isEmpty={(shop.data?.items.length ?? 0) === 0} emptyText='还没有上架奖品' onRetry={() => void shop.reload()}>
          {(shop.data?.items ?? []).map((w) => (
            <Text key={w.id} className='points__title' data-testid={`reward-row-${w.id}`}>
              {w.name} · {w.cost} 分 · 剩余 {w.stock} 件
            </Text>
          ))}
        </ListState>
      </Card>
    </View>
  )
}
