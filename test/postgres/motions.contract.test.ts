/**
 * The motions port contract (test/contract/motions.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database, copied
 * from one migrated at the start (CREATE DATABASE … TEMPLATE), with a pool of 24 sessions connected beforehand, so
 * the races' calls (10 to 21 at once) run in concurrent sessions.
 *
 * The store is PostgreSQL's motion store (cloud/adapters/postgres/motions.ts) beside the repositories of
 * repositories.ts.
 */
import { motionRepo } from '../../cloud/adapters/postgres/motions'
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { motionsContract, type MotionsContractEngine } from '../contract/motions.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<MotionsContractEngine> {
  const { pool, close } = await postgres.open()
  return { store: { ...postgresRepositories(pool), motions: motionRepo(pool) }, fixtures: postgresFixtures(pool), close }
}

async function openSqlite(): Promise<MotionsContractEngine> {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
}

motionsContract('PostgreSQL', openPostgres, { reference: openSqlite })
