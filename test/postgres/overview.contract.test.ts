/**
 * The overview port contract (test/contract/overview.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the figures must be deep-equal.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { overviewContract, type OverviewContractEngine } from '../contract/overview.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<OverviewContractEngine> {
  const { pool, exec, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), exec, close }
}

async function openSqlite(): Promise<OverviewContractEngine> {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
}

overviewContract('PostgreSQL', openPostgres, { reference: openSqlite })
