/**
 * The audit port contract (test/contract/audit.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the results must be deep-equal.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { auditContract, type AuditContractEngine } from '../contract/audit.contract'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<AuditContractEngine> {
  const { pool, exec, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), exec, close }
}

async function openSqlite(): Promise<AuditContractEngine> {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
}

auditContract('PostgreSQL', openPostgres, { reference: openSqlite })
