import type { Pool } from 'pg'
import type { OrgRepo } from '../../org/ports'
import { applyOrg } from '../rows/orgImport'
import { inTransaction, numbered } from './tx'

/** Any constant: imports of the organisation take this lock, so two at once run one after the other. */
const ORG_LOCK = 0x0_0a6_1e7

/** The organisation import on PostgreSQL: one transaction under a transaction-level advisory lock. */
export function orgRepo(pool: Pool): OrgRepo {
  return {
    apply: (rows) =>
      inTransaction(pool, async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [ORG_LOCK])
        return applyOrg(
          {
            async all<T>(sql: string, params: unknown[]) {
              return (await c.query(numbered(sql), params)).rows as T[]
            },
            async run(sql, params) {
              return (await c.query(numbered(sql), params)).rowCount ?? 0
            },
          },
          rows,
        )
      }),
  }
}
