import { timelinessOf } from '@/domain/ledger'
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS, REPORT_STATUSES, type ReportCategory, type ReportStatus } from '@/domain/reports'
import { STATUS_LABELS } from '@/domain/reports/flow'
import type { LedgerReportRecord, LedgerShiftRecord } from './ports'

/** The 汇总 sheet's figures, counted while the month's rows stream past (no second pass over the reports). */
export class MonthTally {
  reports = 0
  byStatus = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>
  byCategory = Object.fromEntries(REPORT_CATEGORIES.map((c) => [c, 0])) as Record<ReportCategory, number>
  onTime = 0
  late = 0
  overdue = 0
  disputes = 0
  agreed = 0
  failed = 0
  mediating = 0
  unmediated = 0
  /** disputes settled (resolved or closed) without going above the community: 矛盾不上交 */
  settledLocally = 0
  settled = 0
  shifts = 0
  attended = 0
  hoursTenths = 0

  addReport(r: LedgerReportRecord, now: Date): void {
    this.reports++
    this.byStatus[r.status]++
    this.byCategory[r.category]++
    const t = timelinessOf(r, now)
    if (t === 'onTime') this.onTime++
    else if (t === 'late') this.late++
    else if (t === 'overdue') this.overdue++
  }

  addDispute(r: LedgerReportRecord): void {
    this.disputes++
    if (r.mediationOutcome === 'agreed') this.agreed++
    else if (r.mediationOutcome === 'failed') this.failed++
    else if (r.mediationKind) this.mediating++
    else this.unmediated++
    if (r.status === 'resolved' || r.status === 'closed') {
      this.settled++
      if (r.maxLevel === 'grid' || r.maxLevel === 'community') this.settledLocally++
    }
  }

  addShift(s: LedgerShiftRecord): void {
    if (s.cancelled) return
    this.shifts++
    this.attended += s.attended
    this.hoursTenths += s.hoursTenths
  }

  /** [项目, 数值] rows under their section titles (a title row has no value). */
  rows(title: string): (string | number | null)[][] {
    const share = this.settled > 0 ? `${Math.round((this.settledLocally / this.settled) * 1000) / 10}%` : '—'
    return [
      [title, null],
      ['一、问题', null],
      ['问题总数', this.reports],
      ...REPORT_STATUSES.map((s) => [`状态：${STATUS_LABELS[s]}`, this.byStatus[s]]),
      ...REPORT_CATEGORIES.map((c) => [`类别：${REPORT_CATEGORY_LABELS[c]}`, this.byCategory[c]]),
      ['按时办结', this.onTime],
      ['超期办结', this.late],
      ['当前逾期', this.overdue],
      ['二、矛盾纠纷', null],
      ['矛盾纠纷总数', this.disputes],
      ['调解成功', this.agreed],
      ['未化解', this.failed],
      ['调解中', this.mediating],
      ['未调解', this.unmediated],
      ['已化解（办结或关闭）', this.settled],
      ['其中在网格、社区化解', this.settledLocally],
      ['矛盾不上交率', share],
      ['三、巡逻', null],
      ['巡逻班次', this.shifts],
      ['到岗人次', this.attended],
      ['巡逻时长（小时）', this.hoursTenths / 10],
    ]
  }
}
