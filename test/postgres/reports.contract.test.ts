/**
 * The reports port contract (test/contract/reports.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database, copied
 * from one migrated at the start (CREATE DATABASE … TEMPLATE), with a pool of 24 sessions connected beforehand, so
 * the races' calls run in concurrent sessions.
 *
 * The store is the repositories of repositories.ts with PostgreSQL's report and patrol stores beside them.
 */
import { postgresShiftRepo } from '../../cloud/adapters/postgres/patrols'
import { reportRepo } from '../../cloud/adapters/postgres/reports'
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { reportsContract, type ReportsContractEngine } from '../contract/reports.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<ReportsContractEngine> {
  const { pool, close } = await postgres.open()
  const store = { ...postgresRepositories(pool), reports: reportRepo(pool), shifts: postgresShiftRepo(pool) }
  return { store, fixtures: postgresFixtures(pool), close }
}

async function openSqlite(): Promise<ReportsContractEngine> {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
}

reportsContract('PostgreSQL', openPostgres, { reference: openSqlite })
