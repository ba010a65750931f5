/** The public entry of ledger (台账导出): its store port, the export files' port and the download route's use case. */
export type { ExportFiles, ExportUrls, LedgerRepo, LedgerStore } from './ports'
export { createExportUrls } from './exportUrls'
export { attachmentHeader, readExport } from './readExport'
