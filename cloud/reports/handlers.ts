import { reportsContract } from '@/domain/reports/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { actOnReport } from './actOnReport'
import { editMyReport } from './editMyReport'
import { findNearbyReports } from './findNearbyReports'
import { listReports } from './listReports'
import { rateReport } from './rateReport'
import { routeReport } from './routeReport'
import { recordMediation } from './recordMediation'
import { setReportDeadlines } from './setReportDeadlines'
import { submitReport } from './submitReport'
import { supportReport } from './supportReport'
import { viewReport } from './viewReport'
import { viewReportDeadlines } from './viewReportDeadlines'
import { viewReportSummary } from './viewReportSummary'
import { countMyReports } from './countMyReports'

export const reportsHandlers: Handlers<typeof reportsContract, Deps> = {
  'report.create': submitReport,
  'report.nearby': findNearbyReports,
  'report.route': routeReport,
  'report.support': supportReport,
  'report.list': listReports,
  'report.get': viewReport,
  'report.transition': actOnReport,
  'report.edit': editMyReport,
  'report.rate': rateReport,
  'report.mediate': recordMediation,
  'report.summary': viewReportSummary,
  'report.counts': countMyReports,
  'report.deadlines': viewReportDeadlines,
  'report.setDeadlines': setReportDeadlines,
}
