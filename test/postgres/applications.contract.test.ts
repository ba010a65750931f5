/**
 * The applications port contract (test/contract/applications.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database, copied
 * from one migrated at the start (CREATE DATABASE … TEMPLATE: a file copy, not eleven migrations per test), with a
 * pool larger than the races' 10 calls, connected beforehand, so those run in 10 concurrent sessions.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { applicationsContract, type ApplicationsContractEngine as ContractEngine } from '../contract/applications.contract'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'

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

applicationsContract('PostgreSQL', openPostgres, { reference: openSqlite })
