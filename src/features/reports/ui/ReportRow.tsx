import { Text, View } from '@tarojs/components'
import { REPORT_LEVEL_OFFICES, type ReportSummary } from '@/domain/reports'
import { Tag } from '@/components/Tag'
import { fromNow } from '@/components/time'
import { CATEGORY_TONES, STATUS_TONES, categoryLabel, deadlineText, statusTagText } from '../format'
import { dueText } from '../staffFormat'
import './StaffScreens.scss'

interface Props {
  report: ReportSummary
  onOpen: (id: string) => void
  /** 问题总览: overdue rows say 督办 is waiting on the detail page */
  superviseHint?: boolean
  now?: Date
}

/** One report in a staff list: tags in words, the excerpt, where, and the running deadline (red with how long overdue). */
export function ReportRow({ report: r, onOpen, superviseHint = false, now = new Date() }: Props) {
  const due = deadlineText(r, now)
  const left = dueText(r.dueAt, r.overdue, now)
  return (
    <View
      className={`staff-row${r.overdue ? ' staff-row--overdue' : ''}`}
      hoverClass='staff-row--pressed'
      role='link'
      data-testid='report-row'
      data-id={r.id}
      onClick={() => onOpen(r.id)}
    >
      <View className='staff-row__tags'>
        <Tag tone={STATUS_TONES[r.status] ?? 'grey'} testid='row-status'>
          {statusTagText(r)}
        </Tag>
        <Tag tone={CATEGORY_TONES[r.category] ?? 'grey'}>{categoryLabel(r.category)}</Tag>
        {r.level !== 'grid' ? <Tag tone='purple'>{`已上报${REPORT_LEVEL_OFFICES[r.level]}`}</Tag> : null}
        {r.overdue ? (
          <Tag tone='red' testid='row-overdue'>
            已逾期
          </Tag>
        ) : null}
      </View>
      <Text className='staff-row__excerpt'>{r.excerpt}</Text>
      <Text className='staff-row__meta'>
        {r.gridName} · {r.reporterName} · {fromNow(r.createdAt, now)}
        {r.supporters > 0 ? ` · ${r.supporters} 人也遇到` : ''}
      </Text>
      {due ? (
        <View className='staff-row__due' data-testid='row-due'>
          <Text className={r.overdue ? 'staff-row__due-late' : 'staff-row__due-text'}>
            {r.overdue ? '⚠ ' : ''}
            {left}
          </Text>
          <Text className='staff-row__due-when'>
            {due.label} {due.when}
          </Text>
        </View>
      ) : null}
      {superviseHint && r.overdue ? (
        <Text className='staff-row__supervise' data-testid='row-supervise'>
          点开可督办 ›
        </Text>
      ) : null}
    </View>
  )
}
