import pg from 'pg'

/** The server's address without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(an unparsable URL)'
  }
}

const TIMESTAMPTZ = 1184
const DATE = 1082
const INT8 = 20
const builtin = pg.types.getTypeParser.bind(pg.types) as (oid: number, format?: string) => (value: string) => unknown
const parseTimestamptz = builtin(TIMESTAMPTZ)

/**
 * How rows come back, so that a repository maps them as it maps SQLite's (see migrations/migration.ts):
 * timestamptz → the 24-character ISO string in UTC ('2025-03-01T02:00:00.000Z'); date → 'YYYY-MM-DD' as
 * stored; bigint (identity keys, count(*)) → number (exact below 2^53, far above any row count here).
 */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (format === 'binary') return builtin(oid, format)
    if (oid === TIMESTAMPTZ) return (v: string) => (parseTimestamptz(v) as Date).toISOString()
    if (oid === DATE) return (v: string) => v
    if (oid === INT8) return (v: string) => Number(v)
    return builtin(oid)
  },
} as pg.CustomTypesConfig

/** How long opening checks the server before it gives up: a wrong address fails at start, not later. */
export const CONNECT_CHECK_MS = 5000

/**
 * How long a query may wait for a session of the pool. node-postgres counts the wait in the pool's queue in this
 * timeout too, so it must cover a burst (200 signups for one shift queue on its row lock, a session each in
 * turn), not only the connect: 5 s failed such bursts on a busy two-core machine while every session was working.
 */
export const ACQUIRE_TIMEOUT_MS = 30_000

/**
 * A pool of `size` connections to the server at `url`; a query that cannot get a session within
 * ACQUIRE_TIMEOUT_MS fails. An idle connection the server drops is logged by the owner through `onIdleError` and
 * replaced by the pool (without a listener node-postgres would crash the process).
 */
/** One connection made and closed within CONNECT_CHECK_MS: rejects with the driver's error when it cannot. */
export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_CHECK_MS, application_name: 'gongzhi' })
  try {
    await client.connect()
    await client.query('SELECT 1')
  } finally {
    await client.end().catch(() => undefined)
  }
}

export function createPool(url: string, size: number, onIdleError: (err: Error) => void = () => undefined): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    types,
    // every session in UTC, so that now() and any text rendering of a time agree with the clock port
    options: '-c TimeZone=UTC',
    application_name: 'gongzhi',
  })
  pool.on('error', onIdleError)
  return pool
}
