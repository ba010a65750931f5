/**
 * The warnings port contract (test/contract/warnings.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database copied from
 * one migrated at the start, with its sessions connected beforehand, so the races run in concurrent sessions.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { warningsContract, type WarningsContractEngine } from '../contract/warnings.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<WarningsContractEngine> {
  const { pool, exec, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), exec, close }
}

async function openSqlite(): Promise<WarningsContractEngine> {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
}

warningsContract('PostgreSQL', openPostgres, { reference: openSqlite })
