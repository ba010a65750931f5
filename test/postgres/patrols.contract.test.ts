/**
 * The patrols port contract (test/contract/patrols.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database, copied
 * from one migrated at the start (CREATE DATABASE … TEMPLATE), with a pool of 24 sessions connected beforehand, so
 * the races' calls (10 to 200 at once) run in 24 concurrent sessions.
 *
 * The store is PostgreSQL's patrol store and report store (addLog makes its report with the report store's own
 * steps) beside the repositories of repositories.ts.
 */
import { postgresShiftRepo } from '../../cloud/adapters/postgres/patrols'
import { reportRepo } from '../../cloud/adapters/postgres/reports'
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { patrolsContract, type PatrolsContractEngine } from '../contract/patrols.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<PatrolsContractEngine> {
  const { pool, exec, close } = await postgres.open()
  return { store: { ...postgresRepositories(pool), reports: reportRepo(pool), shifts: postgresShiftRepo(pool) }, fixtures: postgresFixtures(pool), exec, close }
}

async function openSqlite(): Promise<PatrolsContractEngine> {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
}

patrolsContract('PostgreSQL', openPostgres, { reference: openSqlite })
