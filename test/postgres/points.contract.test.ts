/**
 * The points port contract (test/contract/points.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database copied from
 * one migrated at the start, with 24 sessions connected beforehand, so the races run in concurrent sessions.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { pointsContract, type PointsContractEngine } from '../contract/points.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<PointsContractEngine> {
  const { pool, exec, close } = await postgres.open()
  return { store: postgresRepositories(pool), exec, fixtures: postgresFixtures(pool), close }
}

async function openSqlite(): Promise<PointsContractEngine> {
  const { store, exec, close } = await openSqliteEngine()
  return { store, exec, fixtures: sqliteFixtures(store.db), close }
}

pointsContract('PostgreSQL', openPostgres, { reference: openSqlite })
