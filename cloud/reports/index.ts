/**
 * The public entry of reports: report.create's use case (patrols' 发现隐患 files a report through it, in the
 * store's one create transaction), and what the demo seed needs to write reports the way the use cases do.
 */
export { announceReport, prepareReport, refuseReport, submitReport, type PreparedReport } from './submitReport'
export { patchOf } from './change'
export { photoScope } from './access'
export { accessOf, callerOf, factsOf, partiesOf, visibleReport } from './access'
export { commitChange, replayed } from './change'
export { toSummary } from './view'
export { encodeReportCursor, decodeDueCursor } from './cursor'
export { messageTo, reporterTitle } from './messages'
export type { Deps, NewReport, ReportRecord, ReportRepo, ReportsStore } from './ports'
export type { DispatchStatus, DispatchWrite, ReportDispatchInfo } from './ports'
export { recheckHeldReports, RECHECK_GIVE_UP_MS, type RecheckSummary } from './recheckHeldReports'
export { scheduleRecheckSweep } from './scheduleRecheck'
