/**
 * The applications port contract (test/contract/applications.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database, copied
 * from one migrated at the start (CREATE DATABASE … TEMPLATE: a file copy, not eleven migrations per test), with a
 * pool larger than the races' 10 calls, connected beforehand, so those run in 10 concurrent sessions.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { openPostgresStore } from '../../cloud/adapters/postgres/store'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { tempDir } from '../api/support/harness'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { applicationsContract, type ApplicationsContractEngine as ContractEngine } from '../contract/applications.contract'
import { freshPgDatabase, testDbPrefix, testPgUrl } from '../support/postgres'

jest.setTimeout(60_000)

let template = ''
beforeAll(async () => {
  const url = await freshPgDatabase()
  const migrated = await openPostgresStore(url, { poolSize: 1 })
  await migrated.close()
  template = new URL(url).pathname.slice(1)
})

async function databaseFromTemplate(): Promise<string> {
  const admin = testPgUrl()
  const name = `${testDbPrefix()}${randomBytes(5).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  } finally {
    await client.end()
  }
  const u = new URL(admin)
  u.pathname = `/${name}`
  return u.toString()
}

const POOL = 24

async function openPostgres(): Promise<ContractEngine> {
  const store = await openPostgresStore(await databaseFromTemplate(), { poolSize: POOL, migrate: false })
  // every session connected before the test: the races' calls then start together on their own sessions instead
  // of being spread out by connection set-up (which let a check-then-write confirm pass the race unnoticed)
  const sessions = await Promise.all(Array.from({ length: POOL }, () => store.pool.connect()))
  for (const s of sessions) s.release()
  return { store: postgresRepositories(store.pool), fixtures: postgresFixtures(store.pool), close: () => store.close() }
}

async function openSqlite(): Promise<ContractEngine> {
  const dir = tempDir('gongzhi-contract-')
  const store = openSqliteStore(path.join(dir, 'contract.db'))
  return {
    store,
    fixtures: sqliteFixtures(store.db),
    async close() {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

applicationsContract('PostgreSQL', openPostgres, { reference: openSqlite })
