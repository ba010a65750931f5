/**
 * The public entry of reports: report.create's use case (patrols' 发现隐患 files a report through it, in the
 * store's one create transaction), and what the demo seed needs to write reports the way the use cases do.
 */
export { announceReport, prepareReport, refuseReport, submitReport, type PreparedReport } from './submitReport'
export { patchOf } from './change'
export { accessOf, callerOf, factsOf, partiesOf, photoScope, RACE_MESSAGE, tierAreaOf, visibleReport, type Access } from './access'
export { commitChange, replayed } from './change'
export { staffLabel, toSummary } from './view'
export { encodeReportCursor, decodeDueCursor } from './cursor'
export { messageTo, reporterTitle, subjectOf } from './messages'
export type { Deps, NewReport, ReportArea, ReportCreateOutcome, ReportRecord, ReportRepo, ReportsStore } from './ports'
export type { DispatchStatus, DispatchWrite, ReportDispatchInfo } from './ports'
export { recheckHeldReports, RECHECK_GIVE_UP_MS, type RecheckSummary } from './recheckHeldReports'
export { scheduleRecheckSweep } from './scheduleRecheck'
