/**
 * The 一张图 port contract (test/contract/overviewMap.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the results must be deep-equal.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { overviewMapContract, type OverviewMapContractEngine } from '../contract/overviewMap.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<OverviewMapContractEngine> {
  const { pool, exec, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), exec, close }
}

async function openSqlite(): Promise<OverviewMapContractEngine> {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
}

overviewMapContract('PostgreSQL', openPostgres, { reference: openSqlite })
