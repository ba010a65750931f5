/**
 * Whether an error from better-sqlite3 means the file was too busy to answer in time (another process held the
 * write lock past busy_timeout): nothing was written, and the same request later will do. Answered UNAVAILABLE.
 */
export function isSqliteUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_BUSY_TIMEOUT'
}
