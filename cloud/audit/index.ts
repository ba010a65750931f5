/** The public entry of the audit log reader: the filter and the paged reader an export (ledger) reuses. */
export type { AuditFilter, AuditStore } from './ports'
export { auditScopeOf } from './access'
export { filterOf } from './filter'
export { auditRows } from './rows'
export { auditViews } from './view'
