import type Database from 'better-sqlite3'
import type { Pool, PoolClient } from 'pg'

/**
 * Raw SQL for the API suites, the same on both engines: statements take `?` placeholders (translated to `$1…`
 * for PostgreSQL by toPgPlaceholders, the one place that does it) and must be valid on both engines: no rowid,
 * no SQLite-only functions (json_extract, datetime(), …), no PostgreSQL-only casts. Flags are boolean columns on
 * PostgreSQL and 0/1 integers on SQLite: compare them with a parameter (`pinned = ?`, [1]), never a literal;
 * rows come back with flags as 0/1 on both engines, and JS booleans bound as parameters become 0/1 on SQLite.
 */
export interface TestSql {
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>
  /** the first row, or undefined */
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>
  /** one statement that writes; how many rows it changed */
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>
  /** several statements without parameters */
  exec(sql: string): Promise<void>
  /** the one value of the first row (`SELECT count(*) …`), or undefined when there is no row */
  value<T = unknown>(sql: string, params?: readonly unknown[]): Promise<T | undefined>
  /** `fn` in one transaction on one connection (fixtures that write many rows): committed, or rolled back when it throws */
  tx<T>(fn: (sql: TestSql) => Promise<T>): Promise<T>
}

/**
 * `?` → `$1`, `$2`, … outside string literals ('…'), quoted identifiers ("…") and comments (-- …, /* … *\/).
 * Throws on a statement that already has `$n` placeholders, so the two styles are never mixed.
 */
export function toPgPlaceholders(sql: string): string {
  let out = ''
  let n = 0
  let i = 0
  while (i < sql.length) {
    const c = sql[i]!
    const quote = c === "'" || c === '"' ? c : null
    if (quote) {
      // a doubled quote inside is an escaped one: scanning to each closing quote in turn copies it as is
      const end = sql.indexOf(quote, i + 1)
      if (end < 0) throw new Error(`unterminated ${quote} in SQL: ${sql}`)
      out += sql.slice(i, end + 1)
      i = end + 1
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      const stop = end < 0 ? sql.length : end
      out += sql.slice(i, stop)
      i = stop
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      if (end < 0) throw new Error(`unterminated comment in SQL: ${sql}`)
      out += sql.slice(i, end + 2)
      i = end + 2
    } else if (c === '?') {
      out += `$${++n}`
      i++
    } else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      throw new Error(`use ? placeholders, not $n: ${sql}`)
    } else {
      out += c
      i++
    }
  }
  return out
}

const sqliteParams = (params: readonly unknown[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p))

/** Booleans (PostgreSQL's flags) as SQLite's 0/1, so a row reads the same on both engines. */
function flagsAsNumbers<T>(row: Record<string, unknown>): T {
  for (const k of Object.keys(row)) if (typeof row[k] === 'boolean') row[k] = row[k] ? 1 : 0
  return row as T
}

export function sqliteSql(db: Database.Database): TestSql {
  const sql: TestSql = {
    async all<T>(text: string, params: readonly unknown[] = []) {
      return db.prepare(text).all(...sqliteParams(params)) as T[]
    },
    async get<T>(text: string, params: readonly unknown[] = []) {
      return db.prepare(text).get(...sqliteParams(params)) as T | undefined
    },
    async run(text, params = []) {
      return { changes: db.prepare(text).run(...sqliteParams(params)).changes }
    },
    async exec(text) {
      db.exec(text)
    },
    async value<T>(text: string, params: readonly unknown[] = []) {
      const row = await sql.get<Record<string, unknown>>(text, params)
      return row === undefined ? undefined : (Object.values(row)[0] as T)
    },
    async tx(fn) {
      if (db.inTransaction) return fn(sql) // already in one
      // one connection: nothing else of this process runs statements on it while a fixture awaits
      db.exec('BEGIN IMMEDIATE')
      try {
        const out = await fn(sql)
        db.exec('COMMIT')
        return out
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw err
      }
    },
  }
  return sql
}

export function postgresSql(pool: Pool): TestSql {
  return pgSql(pool, pool)
}

function pgSql(pool: Pool, on: Pool | PoolClient): TestSql {
  const query = (text: string, params: readonly unknown[]) => on.query(toPgPlaceholders(text), [...params])
  const sql: TestSql = {
    async all<T>(text: string, params: readonly unknown[] = []) {
      return (await query(text, params)).rows.map((r) => flagsAsNumbers<T>(r))
    },
    async get<T>(text: string, params: readonly unknown[] = []) {
      const r = (await query(text, params)).rows[0] as Record<string, unknown> | undefined
      return r === undefined ? undefined : flagsAsNumbers<T>(r)
    },
    async run(text, params = []) {
      return { changes: (await query(text, params)).rowCount ?? 0 }
    },
    async exec(text) {
      // without parameters node-postgres sends the simple query protocol, which runs several statements
      await on.query(text)
    },
    async value<T>(text: string, params: readonly unknown[] = []) {
      const row = await sql.get<Record<string, unknown>>(text, params)
      return row === undefined ? undefined : (Object.values(row)[0] as T)
    },
    async tx(fn) {
      if (on !== pool) return fn(sql) // already in one
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        try {
          const out = await fn(pgSql(pool, client))
          await client.query('COMMIT')
          return out
        } catch (err) {
          await client.query('ROLLBACK').catch((e: Error) => (broken = e))
          throw err
        }
      } finally {
        client.release(broken)
      }
    },
  }
  return sql
}
