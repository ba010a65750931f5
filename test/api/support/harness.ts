/**
 * The API suites' harness: every action through the dispatcher against a real store of the engine this run
 * tests, chosen by ONE environment variable, GONGZHI_TEST_ENGINE: `sqlite` (the default: a temporary file) or
 * `postgres` (a new database on the test server, GONGZHI_TEST_PG; jest.config.js then starts one as the
 * `postgres` project does). The suites are engine-neutral: they read and write rows only through `h.sql`
 * (`?` placeholders, SQL valid on both engines: support/sql.ts), count through `await h.counts()`, use the
 * repositories through `h.store` (the Store port), seed through seedFor, open stores of their own through
 * openTestStore, and hand worker processes `h.location` (a file path or a postgres:// URL; support/engine.ts
 * opens either).
 *
 * What stays on SQLite whatever the variable says, and why (each reaches SQLite only through `h.sqlite()`, a
 * harness made with `engine: 'sqlite'`, describeOnSqlite/testOnSqlite, or SQLite files of its own):
 * - migrations.test.ts: SQLite's schema history and upgrade steps (PostgreSQL's: test/postgres/migrations);
 * - durability.test.ts, crash.test.ts: the WAL and fsync of a SQLite file across a killed server process;
 * - fuzz.events.test.ts: "nothing written" is SQLite's data_version on a second connection, then integrity_check;
 * - patrols.settle.test.ts: EXPLAIN QUERY PLAN of the SQLite repository's statements;
 * - motions.secrecy.test.ts: the file checks (WITHOUT ROWID, the tables' cells) and the raw b-tree pages; its
 *   replies-to-every-role part is neutral;
 * - motions.behaviour.test.ts 'secrecy in the file' and seed.motions.test.ts 'secrecy of the seeded ballots':
 *   SQLite's catalogue (PRAGMA, sqlite_master); seed.motions 'seeding is the same in shape' seeds a second,
 *   SQLite, store with seedSqlite and compares it with the harness's through neutral SQL;
 * - *.contract.test.ts here: the SQLite side of the port contracts (PostgreSQL's runners: test/postgres);
 * - server.process.test.ts 'start on an empty file': a nested SQLite path created at start.
 * Server processes elsewhere (server.process, devLogin.network, http.hardening) take their database from
 * newDbLocation: a SQLite path today; on PostgreSQL a new database, which the server serves once
 * cloud/compose/store.ts opens the PostgreSQL Store.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ApiReply } from '@/domain/shared/envelope'
import type { DevLoginInput } from '@/domain/auth'
import { fixedClock } from '../../../cloud/adapters/system/clock'
import type { SqliteStore } from '../../../cloud/adapters/sqlite/store'
import { dispatch } from '../../../cloud/api/dispatch'
import { createDeps, type Deps, type Store } from '../../../cloud/compose'
import type { Logger } from '../../../cloud/shared/ports'
import type { PostgresStore } from '../../../cloud/adapters/postgres/store'
import { seedDemoPostgres } from '../../../cloud/seed/seedPostgres'
import { seedDemo } from '../../../cloud/seed/seedSqlite'
import { freshPgDatabase } from '../../support/postgres'
import { openStoreAt, testEngine, type OpenedStore, type TestEngine } from './engine'
import type { TestSql } from './sql'

export const NOW = '2025-03-01T02:00:00.000Z'

export { openStoreAt, testEngine, type OpenedStore, type TestEngine } from './engine'

/**
 * Tests of SQLite's own file and catalogue, in a suite that is otherwise neutral (motions.secrecy's file checks):
 * defined on a SQLite run only. On PostgreSQL they do not exist (they are not skipped): its own layout has its
 * own tests (test/postgres/motions.secrecy.test.ts).
 */
export function describeOnSqlite(name: string, fn: () => void): void {
  if (testEngine() === 'sqlite') describe(name, fn)
}
/** One test of SQLite's own catalogue in a neutral suite: defined on a SQLite run only (see describeOnSqlite). */
export function testOnSqlite(name: string, fn: () => unknown, timeout?: number): void {
  if (testEngine() === 'sqlite') test(name, fn as jest.ProvidesCallback, timeout)
}

/** The demo data written into a new store: the one seeding entry point of the suites. */
export async function seedFor(store: Store, now: Date): Promise<void> {
  const sqlite = store as Partial<SqliteStore>
  if (sqlite.db) await seedDemo(sqlite.db, now)
  else await seedDemoPostgres((store as PostgresStore).pool, now)
}

export interface Harness {
  /** a temporary folder of this harness (uploads, static files…), removed on close */
  dir: string
  /** where the store is: a SQLite file path or a postgres:// URL (hand it to worker processes) */
  location: string
  engine: TestEngine
  store: Store
  /** raw SQL on the store, the same on both engines (support/sql.ts) */
  sql: TestSql
  /** the SQLite store, for the suites that are about SQLite itself (listed above); throws on PostgreSQL */
  sqlite(): SqliteStore
  deps: Deps
  clock: ReturnType<typeof fixedClock>
  errors: unknown[]
  call<T = unknown>(action: string, payload?: unknown, as?: string | null, requestId?: string): Promise<ApiReply<T>>
  /** call and expect ok; returns data */
  ok<T = unknown>(action: string, payload?: unknown, as?: string | null, requestId?: string): Promise<T>
  devLogin(input: DevLoginInput): Promise<string>
  /** rows per table of COUNTED_TABLES */
  counts(): Promise<Record<string, number>>
  close(): Promise<void>
}

/** The tables h.counts() counts. */
export const COUNTED_TABLES = [
  'users', 'user_roles', 'user_grids', 'notices', 'notice_grids', 'notice_reads', 'audit_log', 'idempotency',
  'households', 'resident_applications', 'volunteer_applications',
  'reports', 'report_events', 'report_photos', 'report_supports', 'mediations', 'mediation_sessions',
  'report_deadlines', 'messages', 'files',
] as const

/** Rows per table. */
export async function countRows(sql: TestSql, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of tables) out[t] = Number(await sql.value(`SELECT count(*) AS n FROM ${t}`))
  return out
}

export function tempDir(prefix = 'gongzhi-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** A store opened for a test: where it is, its temporary folder, and close (which removes the folder). */
export interface TestStore extends OpenedStore {
  location: string
  dir: string
  engine: TestEngine
}

/**
 * A new store of the run's engine (or `engine`), seeded unless `seed: false`: makeHarness's, and the one of the
 * suites that compose their own deps or app (http, upload, slow clients…).
 */
export async function openTestStore(opts: { seed?: boolean; engine?: TestEngine; now?: Date } = {}): Promise<TestStore> {
  const engine = opts.engine ?? testEngine()
  const dir = tempDir()
  const location = engine === 'postgres' ? await freshPgDatabase() : path.join(dir, 'test.db')
  const opened = await openStoreAt(location)
  if (opts.seed !== false) await seedFor(opened.store, opts.now ?? new Date())
  return {
    ...opened,
    location,
    dir,
    engine,
    async close() {
      await opened.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Where a server process started by a test keeps its data: `name` in `dir` on SQLite, a new database on PostgreSQL. */
export async function newDbLocation(dir: string, name: string): Promise<string> {
  return testEngine() === 'postgres' ? freshPgDatabase() : path.join(dir, name)
}

/**
 * `engine` forces one (the SQLite-only suites: `engine: 'sqlite'`); by default the run's, GONGZHI_TEST_ENGINE.
 */
export async function makeHarness(
  opts: { seed?: boolean; deps?: Partial<Omit<Deps, 'store'>>; engine?: TestEngine } = {},
): Promise<Harness> {
  const opened = await openTestStore({ seed: opts.seed, engine: opts.engine, now: new Date(NOW) })
  const { store, sql, location, dir, engine } = opened
  const clock = fixedClock(NOW)
  const errors: unknown[] = []
  const log: Logger = { error: (o) => errors.push(o), warn: () => undefined }
  const deps = await createDeps(store, { devLogin: true, wechat: null, secret: 'test-secret-test-secret-test-secret' }, { clock, log, ...opts.deps })
  const call: Harness['call'] = (action, payload, as, requestId) =>
    dispatch({ action, ...(payload === undefined ? {} : { payload }), ...(requestId ? { requestId } : {}) }, as ? { userId: as } : null, deps) as never
  return {
    dir,
    location,
    engine,
    store,
    sql,
    sqlite() {
      if (!opened.sqlite) throw new Error(`this test is about SQLite itself; GONGZHI_TEST_ENGINE is ${engine}`)
      return opened.sqlite
    },
    deps,
    clock,
    errors,
    call,
    async ok(action, payload, as, requestId) {
      const r = await call(action, payload, as, requestId)
      if (!r.ok) throw new Error(`${action} failed: ${JSON.stringify(r.error)}`)
      return r.data as never
    },
    async devLogin(input) {
      const r = await call<{ user: { id: string } }>('auth.devLogin', input)
      if (!r.ok) throw new Error(`devLogin failed: ${JSON.stringify(r.error)}`)
      return r.data.user.id
    },
    counts: () => countRows(sql, COUNTED_TABLES),
    close: () => opened.close(),
  }
}
