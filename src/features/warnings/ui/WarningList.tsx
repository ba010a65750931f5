import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { PagedList } from '@/components/PagedList'
import { Tag } from '@/components/Tag'
import type { WarningStatus } from '@/domain/warnings'
import { useWarningList } from '../useWarnings'
import { stateText, timeText, titleOf } from '../format'
import './warnings.scss'

const FILTERS: { value: WarningStatus | 'all'; label: string }[] = [
  { value: 'open', label: '待研判' },
  { value: 'closed', label: '已关闭' },
  { value: 'all', label: '全部' },
]

/** The 预警 list of the caller's grids (a grid worker) or community (the committee), newest first. */
export function WarningList({ userId, onOpen, onRules }: { userId: string; onOpen: (id: string) => void; onRules?: () => void }) {
  const [status, setStatus] = useState<WarningStatus | 'all'>('open')
  const list = useWarningList(userId, status)
  return (
    <View className='gz-page warnings' data-testid='warning-list'>
      <Card>
        <Text className='warnings__muted'>报事量明显高于近期水平、同一户或地点反复反映、纠纷反复、巡逻隐患集中时，系统自动预警，请会商研判。</Text>
        <ChoiceChips options={FILTERS} value={status} onChange={setStatus} testidPrefix='warning-filter' />
        {onRules ? (
          <Text className='warnings__muted' data-testid='warning-open-rules' onClick={onRules}>
            查看或调整预警规则 ›
          </Text>
        ) : null}
      </Card>
      <PagedList list={list} emptyText={status === 'open' ? '没有待研判的预警' : '没有预警'} refreshWhenEmpty>
        {list.items.map((w) => (
          <Card key={w.id} testid={`warning-${w.id}`}>
            <View className='warnings__row' onClick={() => onOpen(w.id)}>
              <Text className='warnings__title'>{titleOf(w)}</Text>
              <Text className='warnings__text'>{w.summary}</Text>
              <View>
                <Tag tone={w.status === 'open' ? 'red' : 'grey'}>{stateText(w)}</Tag>
              </View>
              <Text className='warnings__muted'>{timeText(w.raisedAt)} 预警</Text>
            </View>
          </Card>
        ))}
      </PagedList>
    </View>
  )
}
