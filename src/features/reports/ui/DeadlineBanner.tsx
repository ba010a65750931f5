import { Text, View } from '@tarojs/components'
import type { ReportView } from '@/domain/reports'
import { REPORT_LEVEL_OFFICES } from '@/domain/reports'
import { deadlineText, statusHint, statusLabel } from '../format'
import './DeadlineBanner.scss'

/** The status in big words, at which level, and the deadline that runs now (逾期 said in words). */
export function DeadlineBanner({ report }: { report: Pick<ReportView, 'status' | 'dueAt' | 'overdue' | 'level' | 'stars' | 'viewer'> }) {
  const due = deadlineText(report)
  const tone = report.overdue ? 'overdue' : report.status
  return (
    <View className={`gz-deadline gz-deadline--${tone}`} data-testid='deadline-banner'>
      <View className='gz-deadline__head'>
        <Text className='gz-deadline__status' data-testid='deadline-status'>
          {statusLabel(report.status, report.stars)}
        </Text>
        <Text className='gz-deadline__level'>{REPORT_LEVEL_OFFICES[report.level]}处理</Text>
      </View>
      <Text className='gz-deadline__hint' data-testid='deadline-hint'>
        {statusHint(report)}
      </Text>
      {due ? (
        <Text className='gz-deadline__due' data-testid='deadline-due'>
          {due.label}：{due.when}
          {due.overdue ? '（已逾期）' : ''}
        </Text>
      ) : null}
    </View>
  )
}
