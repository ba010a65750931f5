/**
 * The departments port contract (test/contract/departments.contract.ts) on PostgreSQL, with SQLite as the reference:
 * each scenario runs on both and the deterministic results must be deep-equal; the races run on 24 sessions.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { departmentsContract, type DepartmentsContractEngine } from '../contract/departments.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<DepartmentsContractEngine> {
  const { pool, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), close }
}

async function openSqlite(): Promise<DepartmentsContractEngine> {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
}

departmentsContract('PostgreSQL', openPostgres, { reference: openSqlite })
