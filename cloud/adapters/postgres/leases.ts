import type { Pool } from 'pg'
import type { LeaseRepo } from '../../shared/ports'

/**
 * One statement: of processes taking a lease at once, one inserts or updates the row; the others wait on its
 * uncommitted row, then re-check the WHERE on the committed version and update nothing (rowCount 0).
 */
export function leaseRepo(pool: Pool): LeaseRepo {
  return {
    async take(name, holder, now, until) {
      const r = await pool.query(
        `INSERT INTO leases (name, holder, until) VALUES ($1, $2, $4)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
         WHERE leases.until <= $3::timestamptz OR leases.holder = excluded.holder`,
        [name, holder, now, until],
      )
      return r.rowCount === 1
    },
  }
}
