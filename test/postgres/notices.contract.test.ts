/**
 * The notices port contract (test/contract/notices.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database, copied
 * from one migrated at the start (CREATE DATABASE … TEMPLATE: a file copy, not eleven migrations per test), with a
 * pool larger than the races' 20 calls, connected beforehand, so those run in 20 concurrent sessions.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { noticesContract, type ContractEngine } from '../contract/notices.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<ContractEngine> {
  const { pool, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), close }
}

async function openSqlite(): Promise<ContractEngine> {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
}

noticesContract('PostgreSQL', openPostgres, { reference: openSqlite })
