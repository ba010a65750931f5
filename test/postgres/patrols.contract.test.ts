/**
 * The patrols port contract (test/contract/patrols.contract.ts) on PostgreSQL, with SQLite as the reference: every
 * scenario runs on both and the deterministic results must be deep-equal. Each test gets a new database, copied
 * from one migrated at the start (CREATE DATABASE … TEMPLATE), with a pool of 24 sessions connected beforehand, so
 * the races' calls (10 to 200 at once) run in 24 concurrent sessions.
 *
 * The store is PostgreSQL's patrol store as far as it goes (every ShiftRepo method but addLog, see
 * cloud/adapters/postgres/patrols.ts) beside the repositories of repositories.ts.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { postgresShiftRepo } from '../../cloud/adapters/postgres/patrols'
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { openPostgresStore } from '../../cloud/adapters/postgres/store'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { tempDir } from '../api/support/harness'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { patrolsContract, type PatrolsContractEngine } from '../contract/patrols.contract'
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

async function openPostgres(): Promise<PatrolsContractEngine> {
  const store = await openPostgresStore(await databaseFromTemplate(), { poolSize: POOL, migrate: false })
  // every session connected before the test: the races' calls then start together on their own sessions
  const sessions = await Promise.all(Array.from({ length: POOL }, () => store.pool.connect()))
  for (const s of sessions) s.release()
  return {
    store: { ...postgresRepositories(store.pool), shifts: postgresShiftRepo(store.pool) },
    fixtures: postgresFixtures(store.pool),
    async exec(sql, values) {
      await store.pool.query(sql, values)
    },
    close: () => store.close(),
  }
}

async function openSqlite(): Promise<PatrolsContractEngine> {
  const dir = tempDir('gongzhi-contract-')
  const store = openSqliteStore(path.join(dir, 'contract.db'))
  return {
    store,
    fixtures: sqliteFixtures(store.db),
    async exec(sql, values) {
      store.db.prepare(sql).run(Object.fromEntries(values.map((v, i) => [String(i + 1), v])))
    },
    async close() {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

patrolsContract('PostgreSQL', openPostgres, { reference: openSqlite })
