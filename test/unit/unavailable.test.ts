/** Which store errors are answered UNAVAILABLE (retryable) rather than INTERNAL, per engine. */
import { isPostgresUnavailable } from '../../cloud/adapters/postgres/unavailable'
import { isSqliteUnavailable } from '../../cloud/adapters/sqlite/unavailable'

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code })

test('PostgreSQL: restarts, lost connections, a full connection table and rolled-back conflicts are unavailable', () => {
  for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001', '08P01', '40001', '40P01', 'ECONNREFUSED', 'ECONNRESET']) {
    expect([code, isPostgresUnavailable(pgError(code))]).toEqual([code, true])
  }
  expect(isPostgresUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
  expect(isPostgresUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true)
  const bothAddresses = Object.assign(new Error(''), { errors: [pgError('ECONNREFUSED'), pgError('ECONNREFUSED')] })
  expect(isPostgresUnavailable(bothAddresses)).toBe(true)
})

test('PostgreSQL: bugs and refused statements are not (they stay INTERNAL and are logged as errors)', () => {
  for (const code of ['23505', '23503', '42P01', '42601', '22P02', '23514']) {
    expect([code, isPostgresUnavailable(pgError(code))]).toEqual([code, false])
  }
  expect(isPostgresUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false)
  expect(isPostgresUnavailable(null)).toBe(false)
  expect(isPostgresUnavailable(Object.assign(new Error(''), { errors: [] }))).toBe(false)
})

test('SQLite: only a write lock held past the busy wait', () => {
  expect(isSqliteUnavailable(pgError('SQLITE_BUSY'))).toBe(true)
  expect(isSqliteUnavailable(pgError('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false)
  expect(isSqliteUnavailable(new Error('x'))).toBe(false)
})
