/**
 * Which engine a run tests and how a store of it is opened: the harness's and the race workers' one place for it
 * (no jest globals here: the workers are plain node processes).
 */
import { openPostgresStore } from '../../../cloud/adapters/postgres/store'
import { openSqliteStore, type SqliteStore } from '../../../cloud/adapters/sqlite/store'
import type { Store } from '../../../cloud/compose'
import { isPostgresUrl } from '../../../cloud/compose/config'
import { postgresSql, sqliteSql, type TestSql } from './sql'

export type TestEngine = 'sqlite' | 'postgres'

/** The engine of this run: GONGZHI_TEST_ENGINE (sqlite by default). */
export function testEngine(): TestEngine {
  const v = (process.env.GONGZHI_TEST_ENGINE ?? '').trim().toLowerCase()
  if (v === '' || v === 'sqlite') return 'sqlite'
  if (v === 'postgres' || v === 'postgresql') return 'postgres'
  throw new Error(`GONGZHI_TEST_ENGINE must be sqlite or postgres, not ${JSON.stringify(v)}`)
}

/** A store opened by the harness (or a worker process), with the raw SQL of its engine. */
export interface OpenedStore {
  store: Store
  sql: TestSql
  /** the SQLite store itself, or null on PostgreSQL */
  sqlite: SqliteStore | null
  close(): Promise<void>
}

/**
 * Opens the store at `location`: a postgres:// URL or a SQLite file path. The one place that knows how each
 * engine's store is opened (the harness and the race workers both come here).
 */
export async function openStoreAt(location: string): Promise<OpenedStore> {
  if (!isPostgresUrl(location)) {
    const store = openSqliteStore(location)
    return { store, sql: sqliteSql(store.db), sqlite: store, close: async () => store.close() }
  }
  const pg = await openPostgresStore(location)
  const store: Store = pg
  return { store, sql: postgresSql(pg.pool), sqlite: null, close: () => pg.close() }
}

