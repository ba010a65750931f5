import type { Clock } from '../../shared/ports'
import { postgresBlobs } from './blobs'
import { LATEST_VERSION, migratePostgres, schemaVersion } from './migrate'
import { checkConnection, createPool, redactUrl } from './pool'
import { postgresRepositories } from './repositories'
import { isPostgresUnavailable } from './unavailable'

export interface PostgresOptions {
  /** connections in the pool (GONGZHI_DB_POOL, default 10) */
  poolSize?: number
  /** bring the schema to the latest version at open (default true) */
  migrate?: boolean
  onIdleError?: (err: Error) => void
}

/** A message of one line for an error node-postgres gives when connecting (some have an empty message). */
function describe(err: unknown): string {
  const e = err as { message?: string; code?: string; errors?: { message?: string }[] }
  const msg = e.message || e.errors?.map((x) => x.message).join('; ') || String(err)
  return `${msg}${e.code && !msg.includes(e.code) ? ` (${e.code})` : ''}`.replace(/\s+/g, ' ').trim()
}

/**
 * The PostgreSQL engine: a pool to the server, the schema migrated at open (once across processes: migrate.ts),
 * each feature's repository over the pool (repositories.ts, one file per feature beside this one as in ../sqlite),
 * photos in the blobs table, ping, close and the schema version. The composition (cloud/compose/store.ts) takes
 * it as the Store.
 *
 * Fails fast: an unreachable server, a wrong password or a missing database rejects at once with one line
 * naming the server (never the password), and the pool is closed.
 */
export async function openPostgresStore(url: string, opts: PostgresOptions = {}) {
  const where = `at ${redactUrl(url)}`
  try {
    await checkConnection(url)
  } catch (err) {
    throw Object.assign(new Error(`cannot connect to PostgreSQL ${where}: ${describe(err)}`), { name: 'DatabaseUnreachableError' })
  }
  const pool = createPool(url, opts.poolSize ?? 10, opts.onIdleError)
  let applied: number[] = []
  try {
    if (opts.migrate !== false) applied = await migratePostgres(pool, where)
  } catch (err) {
    await pool.end().catch(() => undefined)
    throw err
  }
  let closed = false
  return {
    pool,
    engine: 'postgres' as const,
    ...postgresRepositories(pool),
    databaseBlobs: (clock: Clock) => postgresBlobs(pool, clock),
    unavailable: isPostgresUnavailable,
    /** the versions this open applied (empty when the schema was current) */
    applied,
    latestVersion: LATEST_VERSION,
    async ping() {
      await pool.query('SELECT 1')
    },
    schemaVersion: () => schemaVersion(pool),
    async close() {
      if (closed) return
      closed = true
      await pool.end()
    },
  }
}

export type PostgresStore = Awaited<ReturnType<typeof openPostgresStore>>
