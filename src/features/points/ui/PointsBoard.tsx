import { Text, View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { ListState } from '@/components/ListState'
import { useBoard } from '../useBoard'
import './points.scss'

/** 本月积分榜: the community's top participants this month, names masked. */
export function PointsBoardView() {
  const b = useBoard()
  const rows = b.data?.rows ?? []
  return (
    <View className='gz-page points' data-testid='points-board'>
      <Card title={b.data ? `${b.data.month.replace('-', '年')}月积分榜` : '本月积分榜'}>
        <ListState status={b.status} error={b.error} isEmpty={rows.length === 0} emptyText='本月还没有人获得积分' onRetry={() => void b.reload()}>
          {rows.map((r) => (
            <View key={r.rank} className={r.me ? 'points__row points__row--me' : 'points__row'} data-me={r.me ? 'true' : undefined} data-testid={`points-board-row-${r.rank}`}>
              <Text className='points__title'>
                第 {r.rank} 名 · {r.name} · {r.points} 分
              </Text>
            </View>
          ))}
          <Text className='points__muted'>姓名已隐去部分文字；兑换不影响排名。</Text>
        </ListState>
      </Card>
    </View>
  )
}
