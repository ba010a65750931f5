/**
 * Bulk rows into either engine, for the city generator: one statement per batch (SQLite: a prepared multi-row
 * INSERT per batch size, in one transaction per call; PostgreSQL: a multi-row INSERT of at most 60,000 parameters).
 * Booleans go in as 0/1, which SQLite stores and PostgreSQL casts into its boolean columns.
 */
import type { Pool } from 'pg'
import type { Db } from '../../cloud/adapters/sqlite/open'

export interface BulkWriter {
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>
  /** refreshes the planner's statistics after loading */
  analyze(): Promise<void>
}

const rowsPerStatement = (columns: number) => Math.max(1, Math.floor(30_000 / columns))

export function sqliteBulk(db: Db): BulkWriter {
  return {
    async insert(table, columns, rows) {
      const per = Math.min(rowsPerStatement(columns.length), 500)
      const tuple = `(${columns.map(() => '?').join(', ')})`
      const full = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(per).fill(tuple).join(', ')}`)
      db.transaction(() => {
        let i = 0
        for (; i + per <= rows.length; i += per) full.run(rows.slice(i, i + per).flat())
        const rest = rows.slice(i)
        if (rest.length > 0) {
          db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rest.length).fill(tuple).join(', ')}`).run(rest.flat())
        }
      })()
    },
    async analyze() {
      db.exec('ANALYZE')
    },
  }
}

export function postgresBulk(pool: Pool): BulkWriter {
  return {
    async insert(table, columns, rows) {
      const per = rowsPerStatement(columns.length)
      for (let i = 0; i < rows.length; i += per) {
        const batch = rows.slice(i, i + per)
        let n = 0
        const values = batch.map((r) => `(${r.map(() => `$${++n}`).join(', ')})`).join(', ')
        await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flat())
      }
    },
    async analyze() {
      await pool.query('ANALYZE')
    },
  }
}
