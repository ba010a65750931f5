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

/**
 * A pool of `size` connections to the server at `url`. A connection that cannot be made within 5 s fails
 * (instead of waiting for the OS); an idle connection the server drops is logged by the owner through
 * `onIdleError` and replaced by the pool (without a listener node-postgres would crash the process).
 */
export function createPool(url: string, size: number, onIdleError: (err: Error) => void = () => undefined): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    types,
    // every session in UTC, so that now() and any text rendering of a time agree with the clock port
    options: '-c TimeZone=UTC',
    application_name: 'gongzhi',
  })
  pool.on('error', onIdleError)
  return pool
}
