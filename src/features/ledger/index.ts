// 台账导出 as other features see it: the 导出台账 card (问题总览, and the overview screen later).
export { ExportListButton } from './ui/ExportListButton'
export { LedgerExportButton } from './ui/LedgerExportButton'
export { useLedgerExport } from './useLedgerExport'
