/**
 * Whether an error from node-postgres means "the database could not be reached or went away" — a restart, a
 * failover, a full connection table, a broken socket — as opposed to a bug or a refused statement. The request
 * that met it is answered UNAVAILABLE (503, retryable): the transaction it was in was rolled back by the server,
 * or, if the connection broke during COMMIT, its outcome is unknown and the client's retry with the same
 * requestId finds the first result (idempotency).
 */
const SQLSTATE_CLASSES = ['08'] // connection exception
const SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
  '40001', // serialization_failure (none expected at READ COMMITTED; retryable if it comes)
  '40P01', // deadlock_detected: the server rolled one transaction back
])
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND'])
const MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'terminating connection',
]

export function isPostgresUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] }
  if (typeof e.code === 'string') {
    if (SQLSTATES.has(e.code) || NODE_CODES.has(e.code)) return true
    if (e.code.length === 5 && SQLSTATE_CLASSES.includes(e.code.slice(0, 2))) return true
  }
  if (typeof e.message === 'string' && MESSAGES.some((m) => (e.message as string).includes(m))) return true
  // an AggregateError of a connect attempt to every address of the host
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isPostgresUnavailable)
}
