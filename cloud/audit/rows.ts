import type { AuditFilter, AuditKey, AuditRecord, AuditRepo } from './ports'

/**
 * Every row matching a filter, newest first, read page by page (constant memory): for exports of the log
 * (ledger.export writes the export's own audit entry).
 */
export async function* auditRows(repo: AuditRepo, filter: AuditFilter, pageSize = 500): AsyncGenerator<AuditRecord[]> {
  let after: AuditKey | null = null
  for (;;) {
    const page = await repo.search(filter, { after, limit: pageSize })
    if (page.length > 0) yield page
    if (page.length < pageSize) return
    const last = page[page.length - 1]
    after = [last.at, last.id]
  }
}
