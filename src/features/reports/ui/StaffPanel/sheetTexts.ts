import { REPORT_LEVEL_OFFICES, type ReportView } from '@/domain/reports'
import { escalateTarget, type StaffAction } from '../../useStaffActions'

/** What an action does, shown at the top of its sheet. */
export function explain(action: StaffAction, report: ReportView): string {
  switch (action) {
    case 'accept':
      return '受理后问题进入“处理中”，请在办结期限内处理完毕。'
    case 'note':
      return '记录处理进展，上报人会在时间线上看到。'
    case 'resolve':
      return '写明办理结果，上报人会收到通知，可以评价或在 7 天内重新打开。'
    case 'reject':
      return '写明不予受理的理由，上报人会看到。'
    case 'return':
      return '写明需要补充什么，上报人补充后会重新提交给您。'
    case 'escalate': {
      const to = escalateTarget(report.level)
      return `上报后由${to ? REPORT_LEVEL_OFFICES[to] : '上级'}重新受理，请写明原因。`
    }
    case 'supervise':
      return '督办意见会通知办理人，请写明要求。'
    case 'reassign':
      return '选择改派给哪位网格员，问题回到网格办理，对方会收到通知。'
    case 'sendBack':
      return '不属于本部门职责时退回交办，问题回到交办单位，请写明原因（例如应由哪个部门办理）。'
  }
}

/** The note box's placeholder for an action. */
export function placeholder(action: StaffAction): string {
  switch (action) {
    case 'accept':
      return '可填写受理说明（选填）'
    case 'reassign':
      return '可填写改派说明（选填）'
    case 'reject':
      return '例如：重复问题 #123'
    case 'resolve':
      return '例如：已清理堆放垃圾，恢复通道畅通'
    default:
      return '请填写说明'
  }
}
