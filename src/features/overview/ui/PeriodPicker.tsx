import { Picker, Text, View } from '@tarojs/components'
import { BUCKET_LABELS, OVERVIEW_BUCKETS } from '@/domain/overview'
import { ChoiceChips } from '@/components/ChoiceChips'
import { PRESET_LABELS, type OverviewChoice, type PeriodPreset } from '../useOverview'

const PRESETS = Object.keys(PRESET_LABELS) as PeriodPreset[]
const dayText = (d: string) => (d ? d.replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, n) => `${y}年${+m}月${+n}日`) : '')

/** A preset's bucket: by day for a month, by week for three; a custom period keeps the one chosen. */
const bucketFor = (preset: PeriodPreset, current: OverviewChoice['bucket']): OverviewChoice['bucket'] =>
  preset === 'custom' ? current : preset === 'last3Months' ? 'week' : 'day'

/** 本月 / 上月 / 近三月 / 自定义 (two dates), and 按日 / 按周 / 按月. */
export function PeriodPicker({ choice, onChange }: { choice: OverviewChoice; onChange: (c: OverviewChoice) => void }) {
  const date = (which: 'from' | 'to', label: string) => (
    <Picker mode='date' value={choice[which]} onChange={(e) => onChange({ ...choice, [which]: String(e.detail.value) })}>
      <View className={`gz-datetime__box${choice[which] ? '' : ' gz-datetime__box--empty'}`} data-testid={`overview-${which}`}>
        <Text>{dayText(choice[which]) || label}</Text>
      </View>
    </Picker>
  )
  return (
    <View className='overview-period' data-testid='overview-period'>
      <ChoiceChips options={PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))} value={choice.preset} onChange={(preset) => onChange({ ...choice, preset, bucket: bucketFor(preset, choice.bucket) })} testidPrefix='overview-preset' />
      {choice.preset === 'custom' ? (
        <View className='gz-datetime'>
          {date('from', '开始日期')}
          {date('to', '结束日期')}
        </View>
      ) : null}
      <ChoiceChips options={OVERVIEW_BUCKETS.map((b) => ({ value: b, label: BUCKET_LABELS[b] }))} value={choice.bucket} onChange={(bucket) => onChange({ ...choice, bucket })} testidPrefix='overview-bucket' />
    </View>
  )
}
