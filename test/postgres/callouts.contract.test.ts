/**
 * The callouts port contract (test/contract/callouts.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database copied from
 * one migrated at the start, with 24 sessions connected beforehand, so the races run in concurrent sessions.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { calloutsContract, type CalloutsContractEngine } from '../contract/callouts.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<CalloutsContractEngine> {
  const { pool, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), close }
}

async function openSqlite(): Promise<CalloutsContractEngine> {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
}

calloutsContract('PostgreSQL', openPostgres, { reference: openSqlite })
