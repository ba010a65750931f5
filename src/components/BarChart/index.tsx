import { Text, View } from '@tarojs/components'
import { percentOf } from '../StatBar'
import './index.scss'

export interface BarRow {
  key: string
  label: string
  value: number
  tone?: 'blue' | 'green' | 'red' | 'grey' | 'amber'
  /** a word after the figure, e.g. 当选 */
  note?: string
}

interface BarChartProps {
  rows: BarRow[]
  /** what 100% is (e.g. ballots cast); the bars are drawn against it */
  total: number
  unit?: string
  testid?: string
}

/** Horizontal bars drawn with views: the label, a big number and its share in words, then the bar. */
export function BarChart({ rows, total, unit = '票', testid }: BarChartProps) {
  return (
    <View className='gz-bar-chart' data-testid={testid} role='list'>
      {rows.map((r) => {
        const pct = percentOf(r.value, total)
        return (
          <View key={r.key} className='gz-bar-chart__row' role='listitem' data-testid={`${testid ?? 'bar'}-${r.key}`} aria-label={`${r.label} ${r.value} ${unit}，占 ${pct}%`}>
            <View className='gz-bar-chart__head'>
              <Text className='gz-bar-chart__label'>
                {r.label}
                {r.note ? <Text className='gz-bar-chart__note'>{r.note}</Text> : null}
              </Text>
              <Text className='gz-bar-chart__figure'>
                <Text className='gz-bar-chart__value'>{r.value}</Text> {unit}
                <Text className='gz-bar-chart__pct'>{pct}%</Text>
              </Text>
            </View>
            <View className='gz-bar-chart__track'>
              <View className={`gz-bar-chart__fill gz-bar-chart__fill--${r.tone ?? 'blue'}`} style={{ width: `${pct}%` }} />
            </View>
          </View>
        )
      })}
    </View>
  )
}
