import type { Pool } from 'pg'
import type { LedgerRepo } from '../../ledger/ports'
import {
  AREA_NAME_SQL,
  ledgerEvent,
  ledgerEventsSql,
  ledgerReport,
  ledgerReportsSql,
  ledgerShift,
  ledgerShiftsSql,
  type LedgerEventRow,
  type LedgerReportRow,
  type LedgerShiftRow,
} from '../rows/ledger'
import { writeAudit } from './audit'
import { numbered, row, rows } from './tx'

/** 台账导出's reads on PostgreSQL, as ../sqlite/ledger.ts (the same SELECTs, numbered). */
export function ledgerRepo(pool: Pool): LedgerRepo {
  return {
    async reports(q, after, limit) {
      const { sql, params } = ledgerReportsSql(q, after, limit)
      return (await rows<LedgerReportRow>(pool, numbered(sql), params)).map(ledgerReport)
    },
    async events(reportIds) {
      if (reportIds.length === 0) return []
      return (await rows<LedgerEventRow>(pool, numbered(ledgerEventsSql(reportIds.length)), reportIds)).map(ledgerEvent)
    },
    async shifts(area, from, to, after, limit) {
      const { sql, params } = ledgerShiftsSql(area, from, to, after, limit)
      return (await rows<LedgerShiftRow>(pool, numbered(sql), params)).map(ledgerShift)
    },
    async areaName(area) {
      const [key, id] = Object.entries(area)[0] as [keyof typeof AREA_NAME_SQL, string]
      return (await row<{ name: string }>(pool, numbered(AREA_NAME_SQL[key]), [id]))?.name ?? null
    },
    async recordExport(entry) {
      await writeAudit(pool, entry)
    },
  }
}
