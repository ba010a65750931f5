import { write } from '../shared/contract'
import { ledgerExportSchema, type LedgerExport } from '.'

/** 台账导出 (issue 19): staff only; each export writes a file and an audit entry, so it is a write. */
export const ledgerContract = {
  'ledger.export': write(ledgerExportSchema).returns<LedgerExport>(),
}
