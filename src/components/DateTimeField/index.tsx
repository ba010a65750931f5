import { Picker, Text, View } from '@tarojs/components'
import './index.scss'

interface DateTimeFieldProps {
  /** local 'YYYY-MM-DD HH:mm', or '' */
  value: string
  onChange: (value: string) => void
  /** earliest date, 'YYYY-MM-DD' */
  start?: string
  testid: string
}

/** A date picker and a time picker side by side, each a big box that shows its value in words. */
export function DateTimeField({ value, onChange, start, testid }: DateTimeFieldProps) {
  const [date = '', time = ''] = value ? value.split(' ') : []
  const set = (d: string, t: string) => onChange(`${d} ${t}`)
  return (
    <View className='gz-datetime' data-testid={testid}>
      <Picker mode='date' value={date} start={start} onChange={(e) => set(String(e.detail.value), time || '09:00')}>
        <View className={`gz-datetime__box${date ? '' : ' gz-datetime__box--empty'}`} data-testid={`${testid}-date`}>
          <Text>{date ? date.replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, d) => `${y}年${+m}月${+d}日`) : '选择日期'}</Text>
        </View>
      </Picker>
      <Picker mode='time' value={time || '09:00'} onChange={(e) => set(date || (start ?? ''), String(e.detail.value))}>
        <View className={`gz-datetime__box${time ? '' : ' gz-datetime__box--empty'}`} data-testid={`${testid}-time`}>
          <Text>{time || '选择时间'}</Text>
        </View>
      </Picker>
    </View>
  )
}
