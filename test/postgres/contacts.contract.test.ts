/**
 * The contacts port contract (test/contract/contacts.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database copied from
 * a migrated template, its sessions connected beforehand, so the races run in concurrent sessions.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { contactsContract, type ContactsContractEngine as ContractEngine } from '../contract/contacts.contract'
import { openSqliteEngine, postgresEngines } from '../contract/engines'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<ContractEngine> {
  const { pool, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), close }
}

async function openSqlite(): Promise<ContractEngine> {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
}

contactsContract('PostgreSQL', openPostgres, { reference: openSqlite })
