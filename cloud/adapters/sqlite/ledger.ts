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
import { auditWriter } from './audit'
import type { Db } from './open'

/** 台账导出's reads on SQLite (the shared SELECTs of ../rows/ledger.ts) and its audit entry. */
export function ledgerRepo(db: Db): LedgerRepo {
  const audit = auditWriter(db)
  return {
    async reports(q, after, limit) {
      const { sql, params } = ledgerReportsSql(q, after, limit)
      return db.prepare<unknown[], LedgerReportRow>(sql).all(...params).map(ledgerReport)
    },
    async events(reportIds) {
      if (reportIds.length === 0) return []
      return db.prepare<unknown[], LedgerEventRow>(ledgerEventsSql(reportIds.length)).all(...reportIds).map(ledgerEvent)
    },
    async shifts(area, from, to, after, limit) {
      const { sql, params } = ledgerShiftsSql(area, from, to, after, limit)
      return db.prepare<unknown[], LedgerShiftRow>(sql).all(...params).map(ledgerShift)
    },
    async areaName(area) {
      const [key, id] = Object.entries(area)[0] as [keyof typeof AREA_NAME_SQL, string]
      return db.prepare<[string], { name: string }>(AREA_NAME_SQL[key]).get(id)?.name ?? null
    },
    async recordExport(entry) {
      audit(entry)
    },
  }
}
