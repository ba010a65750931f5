import type { ExportKeyState, ExportRecord, LedgerRepo } from '../../ledger/ports'
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
import { idempotencyTable } from './idempotency'
import type { Db } from './open'

/** 台账导出's reads on SQLite (the shared SELECTs of ../rows/ledger.ts) and its audit entry. */
export function ledgerRepo(db: Db): LedgerRepo {
  const audit = auditWriter(db)
  const idem = idempotencyTable(db)
  const stateOf = (key: Parameters<LedgerRepo['keyState']>[0]): ExportKeyState => {
    const prior = idem.lookup<ExportRecord>(key)
    return prior.kind === 'none' ? { kind: 'new' } : prior.kind === 'replayed' ? { kind: 'replayed', export: prior.result } : prior
  }
  const record = db.transaction((...[entry, key, made]: Parameters<LedgerRepo['recordExport']>): ExportKeyState => {
    const prior = key ? stateOf(key) : { kind: 'new' as const }
    if (prior.kind !== 'new') return prior
    audit(entry)
    idem.store(key, made, entry.at)
    return { kind: 'new' }
  })
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
    async keyState(key) {
      return stateOf(key)
    },
    async recordExport(entry, key, made) {
      return record.immediate(entry, key, made)
    },
  }
}
