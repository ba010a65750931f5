import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { JUDGEMENT_LABELS, JUDGEMENTS } from '@/domain/warnings'
import { hasRole, useSession } from '@/features/auth'
import { WARNING_ROUTES } from '../routes'
import { useWarningSummary } from '../useWarnings'
import './warnings.scss'

/**
 * 问题总览's 预警 card (a grid worker's grids, the committee's community): the warnings of the last 30 days, still
 * open and closed by their 会商研判 conclusion, in words; it opens the 预警 list.
 */
export function WarningFiguresCard() {
  const me = useSession()?.user
  const staff = !!me && (hasRole(me, 'committee') || hasRole(me, 'gridWorker'))
  const remote = useWarningSummary(staff && me ? `warning-summary:${me.id}` : null)
  const f = remote.data
  if (!staff || !f) return null
  const judged = JUDGEMENTS.filter((j) => f.byJudgement[j] > 0).map((j) => `${JUDGEMENT_LABELS[j]} ${f.byJudgement[j]} 条`)
  return (
    <Card title='预测预警' testid='warning-figures'>
      <View className='warning-figures'>
        <Text className='warning-figures__line' data-testid='warning-figures-raised'>
          {f.raised === 0 ? `近 ${f.days} 天没有预警` : `近 ${f.days} 天预警 ${f.raised} 条`}
        </Text>
        {f.raised > 0 ? (
          <Text className={`warning-figures__line${f.open > 0 ? ' warning-figures__open' : ''}`} data-testid='warning-figures-open'>
            {f.open > 0 ? `还有 ${f.open} 条没有会商研判关闭` : '都已会商研判并关闭'}
          </Text>
        ) : null}
        {f.closed > 0 ? (
          <Text className='warning-figures__line' data-testid='warning-figures-closed'>
            已关闭 {f.closed} 条{judged.length > 0 ? `：${judged.join('，')}` : ''}
          </Text>
        ) : null}
        {f.raised > 0 ? (
          <ActionButton kind='secondary' block testid='warning-figures-open-list' onClick={() => void Taro.navigateTo({ url: WARNING_ROUTES.list })}>
            查看预警
          </ActionButton>
        ) : null}
      </View>
    </Card>
  )
}
