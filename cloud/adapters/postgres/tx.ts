import type { Pool, PoolClient } from 'pg'

/** What a repository runs a statement on: the pool (one statement, its own transaction) or a transaction's client. */
export type Queryable = Pick<Pool, 'query'> | PoolClient

/**
 * Runs `fn` in one transaction on a client of the pool: BEGIN, then COMMIT when it resolves or ROLLBACK when it
 * throws; the client is always released (destroyed when even the ROLLBACK failed, so a broken session never
 * returns to the pool). READ COMMITTED, PostgreSQL's default: each repository says in its own words what makes
 * its step atomic at that level (ON CONFLICT on a unique key, a conditional UPDATE, a row lock).
 */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    try {
      const out = await fn(client)
      await client.query('COMMIT')
      return out
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e
      })
      throw err
    }
  } finally {
    client.release(broken)
  }
}

/** The rows of one parameterised statement. */
export async function rows<R>(db: Queryable, sql: string, params: unknown[] = []): Promise<R[]> {
  const r = await db.query(sql, params)
  return r.rows as R[]
}

/** The first row of one parameterised statement, or null. */
export async function row<R>(db: Queryable, sql: string, params: unknown[] = []): Promise<R | null> {
  const r = await db.query(sql, params)
  return (r.rows[0] as R | undefined) ?? null
}

/** Thrown inside inTransaction to roll back and answer `value` (an outcome that must leave nothing written). */
export class Rollback<T> {
  constructor(readonly value: T) {}
}

/** inTransaction, where the step may end with `throw new Rollback(outcome)`: rolled back, the outcome answered. */
export async function inTransactionOr<T, R>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T | R> {
  try {
    return await inTransaction(pool, fn)
  } catch (err) {
    if (err instanceof Rollback) return err.value as R
    throw err
  }
}

/** `?` placeholders numbered as PostgreSQL wants them ($1, $2 …), for SQL written once for both engines (no `?` in literals). */
export function numbered(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}
