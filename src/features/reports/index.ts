// The 随手拍 figures other features show (the work desk).
export { useReportCounts } from './useReportCounts'
export { emitReportEvent, onReportEvent } from './events'
