import type { Pool } from 'pg'
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
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { inTransaction, numbered, row, rows } from './tx'

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
    async keyState(key) {
      const prior = await row<{ fingerprint: string; result: string }>(
        pool,
        'SELECT fingerprint, result FROM idempotency WHERE user_id = $1 AND action = $2 AND request_id = $3',
        [key.userId, key.action, key.requestId],
      )
      if (!prior) return { kind: 'new' }
      if (prior.fingerprint !== key.fingerprint) return { kind: 'keyReused' }
      return { kind: 'replayed', export: JSON.parse(prior.result) as ExportRecord }
    },
    async recordExport(entry, key, made) {
      return inTransaction(pool, async (c): Promise<ExportKeyState> => {
        const claim = await claimKey(c, key, made, entry.at)
        if (claim.kind === 'keyReused') return claim
        if (claim.kind === 'replayed') return { kind: 'replayed', export: claim.result }
        await writeAudit(c, entry)
        return { kind: 'new' }
      })
    },
  }
}
