import type { Pool } from 'pg'
import { SchemaTooNewError } from '../schemaVersion'
import { MIGRATIONS } from './migrations'

/** The advisory lock key of schema migrations (an arbitrary constant: 'gongzhi' in ASCII, as a bigint). */
const MIGRATION_LOCK = 0x676f6e677a6869n

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version))

/**
 * Applies the migrations newer than the recorded version, all in ONE transaction under a transaction-level
 * advisory lock. Several processes starting at once: the first takes the lock and migrates; the others wait on
 * the lock, then (READ COMMITTED: each statement sees what committed before it) find every version recorded and
 * apply nothing. PostgreSQL's DDL is transactional, so a failure anywhere leaves the schema as it was: no
 * half-written schema, whatever step failed. A database newer than this code is refused before anything runs.
 */
export async function migratePostgres(pool: Pool, where = 'on PostgreSQL'): Promise<number[]> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()])
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL
      )`)
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
      const done = new Set(rows.map((r) => r.version))
      const newest = Math.max(0, ...done)
      if (newest > LATEST_VERSION) throw new SchemaTooNewError(newest, LATEST_VERSION, where)
      const applied: number[] = []
      for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue
        await m.up(client)
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ])
        applied.push(m.version)
      }
      await client.query('COMMIT')
      return applied
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    }
  } finally {
    client.release()
  }
}

/** The newest version recorded (0 on an empty database). */
export async function schemaVersion(pool: Pool): Promise<number> {
  const t = await pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t")
  if (!t.rows[0]?.t) return 0
  const r = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')
  return r.rows[0]?.v ?? 0
}
