import { Text, View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { Tag } from '@/components/Tag'
import type { ShiftLogEntry } from '@/domain/patrols'
import { clockText } from '../format'
import './ShiftLogs.scss'

interface Props {
  logs: ShiftLogEntry[]
  /** staff read every volunteer's notes: the card shows even when there are none yet */
  staff: boolean
  onReport: (reportId: string) => void
}

/** 巡逻记录 from shift.get: my own notes for a volunteer; everyone's, with names and their 发现隐患 reports, for staff. */
export function ShiftLogs({ logs, staff, onReport }: Props) {
  if (!staff && logs.length === 0) return null
  return (
    <Card title={staff ? `巡逻记录（${logs.length} 条）` : '我的巡逻记录'} testid='shift-logs'>
      {logs.length === 0 ? (
        <Text className='shift-logs__empty' data-testid='shift-logs-empty'>
          志愿者还没有写巡逻记录。签到后写下的情况和发现的隐患会显示在这里。
        </Text>
      ) : null}
      {logs.map((l) => (
        <View key={l.id} className='shift-logs__entry' data-testid='log-entry' data-mine={l.mine ? 'true' : 'false'}>
          <View className='shift-logs__head'>
            <Text className='shift-logs__who' data-testid='log-author'>
              {l.mine ? '我' : l.authorName}
            </Text>
            <Text className='shift-logs__when'>{clockText(l.at)}</Text>
            {l.reportId ? <Tag tone='red'>发现隐患</Tag> : null}
          </View>
          <Text className='shift-logs__note' data-testid='log-note-text'>
            {l.note}
          </Text>
          {l.reportId ? <LinkRow label='查看上报的隐患' hint='处理进度在随手拍里' testid='log-report' onClick={() => onReport(l.reportId as string)} /> : null}
        </View>
      ))}
    </Card>
  )
}
