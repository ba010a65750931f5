import { read, write } from '../shared/contract'
import { emptySchema } from '../shared/text'
import {
  reportCreateSchema,
  reportEditSchema,
  reportIdSchema,
  reportListSchema,
  reportMediateSchema,
  reportNearbySchema,
  reportRateSchema,
  reportRouteSchema,
  reportSetDeadlinesSchema,
  reportSummarySchema,
  reportTransitionSchema,
  type NearbyReport,
  type ReportDeadlines,
  type ReportFigures,
  type ReportListPage,
  type ReportRoute,
  type ReportSummaryCounts,
  type ReportView,
} from '.'

export const reportsContract = {
  'report.create': write(reportCreateSchema).returns<ReportView>(),
  'report.nearby': read(reportNearbySchema).returns<{ items: NearbyReport[] }>(),
  'report.route': read(reportRouteSchema).returns<ReportRoute>(),
  'report.support': write(reportIdSchema).returns<{ supporters: number }>(),
  'report.list': read(reportListSchema).returns<ReportListPage>(),
  'report.get': read(reportIdSchema).returns<ReportView>(),
  'report.transition': write(reportTransitionSchema).returns<ReportView>(),
  'report.edit': write(reportEditSchema).returns<ReportView>(),
  'report.rate': write(reportRateSchema).returns<ReportView>(),
  'report.mediate': write(reportMediateSchema).returns<ReportView>(),
  'report.summary': read(reportSummarySchema).returns<ReportSummaryCounts>(),
  'report.counts': read(emptySchema).returns<ReportFigures>(),
  'report.deadlines': read(emptySchema).returns<ReportDeadlines>(),
  'report.setDeadlines': write(reportSetDeadlinesSchema).returns<ReportDeadlines>(),
}
