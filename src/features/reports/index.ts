// The 随手拍 figures other features show (the work desk).
export { useReportCounts } from './useReportCounts'
// The staff list row (the department's queue shows reports like the other queues).
export { ReportRow } from './ui/ReportRow'
export { emitReportEvent, onReportEvent } from './events'
