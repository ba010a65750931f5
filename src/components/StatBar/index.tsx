import { Text, View } from '@tarojs/components'
import './index.scss'

interface StatBarProps {
  label: string
  value: number
  total: number
  tone?: 'blue' | 'green'
  /** what is counted: 人 (default), 件 ... */
  unit?: string
  testid?: string
}

export function percentOf(value: number, total: number): number {
  if (!total || total <= 0) return 0
  return Math.round((Math.min(Math.max(value, 0), total) / total) * 100)
}

/** A horizontal bar with its figures in words: "已读 12/40 人 30%". */
export function StatBar({ label, value, total, tone = 'blue', unit = '人', testid }: StatBarProps) {
  const pct = percentOf(value, total)
  return (
    <View className='gz-stat-bar' data-testid={testid}>
      <View className='gz-stat-bar__head'>
        <Text className='gz-stat-bar__label'>{label}</Text>
        <Text className='gz-stat-bar__figure'>
          {value}/{total} {unit} <Text className='gz-stat-bar__pct'>{pct}%</Text>
        </Text>
      </View>
      <View
        className='gz-stat-bar__track'
        role='progressbar'
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label={`${label} ${pct}%`}
      >
        <View className={`gz-stat-bar__fill gz-stat-bar__fill--${tone}`} style={{ width: `${pct}%` }} />
      </View>
    </View>
  )
}
