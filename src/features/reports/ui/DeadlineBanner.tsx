import { Text, View } from '@tarojs/components'
import type { ReportSummary } from '@/domain/reports'
import { REPORT_LEVEL_LABELS } from '@/domain/reports'
import { deadlineText, statusLabel } from '../format'
import './DeadlineBanner.scss'

const STATUS_HINTS: Partial<Record<ReportSummary['status'], string>> = {
  submitted: '已送达负责的工作人员，等待受理',
  returned: '工作人员需要您补充情况，请修改后重新提交',
  accepted: '工作人员正在处理',
  resolved: '已办结，请评价处理结果',
  closed: '已关闭',
  rejected: '工作人员未予受理，原因见下方记录',
  withdrawn: '您已撤回这个问题',
}

/** The status in big words, at which level, and the deadline that runs now (逾期 said in words). */
export function DeadlineBanner({ report }: { report: Pick<ReportSummary, 'status' | 'dueAt' | 'overdue' | 'level'> }) {
  const due = deadlineText(report)
  const tone = report.overdue ? 'overdue' : report.status
  return (
    <View className={`gz-deadline gz-deadline--${tone}`} data-testid='deadline-banner'>
      <View className='gz-deadline__head'>
        <Text className='gz-deadline__status' data-testid='deadline-status'>
          {statusLabel(report.status)}
        </Text>
        <Text className='gz-deadline__level'>{REPORT_LEVEL_LABELS[report.level]}处理</Text>
      </View>
      {STATUS_HINTS[report.status] ? <Text className='gz-deadline__hint'>{STATUS_HINTS[report.status]}</Text> : null}
      {due ? (
        <Text className='gz-deadline__due' data-testid='deadline-due'>
          {due.label}：{due.when}
          {due.overdue ? '（已逾期）' : ''}
        </Text>
      ) : null}
    </View>
  )
}
