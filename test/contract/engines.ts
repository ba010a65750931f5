/**
 * How a port-contract runner opens each engine, written once for every feature's runners: a temporary SQLite file,
 * or a PostgreSQL database copied per test from one migrated at the start of the file (CREATE DATABASE … TEMPLATE)
 * with its sessions connected beforehand, so a race's calls start together on their own sessions instead of being
 * spread out by connection set-up (which once let a check-then-write confirm pass the race unnoticed).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openPostgresStore } from '../../cloud/adapters/postgres/store'
import { openSqliteStore, type SqliteStore } from '../../cloud/adapters/sqlite/store'
import { freshPgDatabase, testDbPrefix, testPgUrl } from '../support/postgres'

/** Runs one statement with `$1…` parameters: for the rows no repository of the slice writes. */
export type Exec = (sql: string, values: unknown[]) => Promise<void>

/** A new SQLite file in a temporary folder, removed on close. */
export async function openSqliteEngine(): Promise<{ store: SqliteStore; exec: Exec; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-contract-'))
  const store = openSqliteStore(path.join(dir, 'contract.db'))
  return {
    store,
    async exec(sql, values) {
      store.db.prepare(sql).run(Object.fromEntries(values.map((v, i) => [String(i + 1), v])))
    },
    async close() {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Sessions per test database: more than most races' calls, so they run concurrently. */
export const SESSIONS = 24

/** Call at the top of a PostgreSQL runner: migrates the file's template database once (beforeAll). */
export function postgresEngines() {
  let template = ''
  beforeAll(async () => {
    const url = await freshPgDatabase()
    const migrated = await openPostgresStore(url, { poolSize: 1 })
    await migrated.close()
    template = new URL(url).pathname.slice(1)
  })

  async function databaseFromTemplate(): Promise<string> {
    const admin = testPgUrl()
    const name = `${testDbPrefix()}${randomBytes(5).toString('hex')}`
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    try {
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
    } finally {
      await client.end()
    }
    const u = new URL(admin)
    u.pathname = `/${name}`
    return u.toString()
  }

  return {
    /** A new database for one test, its SESSIONS sessions already connected. */
    async open(): Promise<{ pool: pg.Pool; exec: Exec; close(): Promise<void> }> {
      const store = await openPostgresStore(await databaseFromTemplate(), { poolSize: SESSIONS, migrate: false })
      const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => store.pool.connect()))
      for (const s of sessions) s.release()
      return {
        pool: store.pool,
        async exec(sql, values) {
          await store.pool.query(sql, values)
        },
        close: () => store.close(),
      }
    },
  }
}
