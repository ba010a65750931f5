/**
 * The public entry of reports: report.create's use case (patrols' 发现隐患 files a report through it, in the
 * store's one create transaction), and what the demo seed needs to write reports the way the use cases do.
 */
export { submitReport } from './submitReport'
export { patchOf } from './change'
export { messageTo, reporterTitle } from './messages'
export type { Deps, ReportRecord, ReportRepo, ReportsStore } from './ports'
