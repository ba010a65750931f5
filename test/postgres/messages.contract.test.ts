/**
 * The messages, files and reminders port contract (test/contract/messages.contract.ts) on PostgreSQL, with SQLite
 * as the reference: every scenario runs on both and the deterministic results must be deep-equal. Each test gets a
 * new database, copied from one migrated at the start (CREATE DATABASE … TEMPLATE), with a pool larger than the
 * races' 20 calls, connected beforehand, so those run in 20 concurrent sessions.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { openPostgresStore } from '../../cloud/adapters/postgres/store'
import { inTransaction } from '../../cloud/adapters/postgres/tx'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { tempDir } from '../api/support/harness'
import { postgresFixtures, sqliteFixtures } from '../contract/fixtures'
import { ATTACH_SQL, messagesContract, type MessagesContractEngine } from '../contract/messages.contract'
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

async function openPostgres(): Promise<MessagesContractEngine> {
  const store = await openPostgresStore(await databaseFromTemplate(), { poolSize: POOL, migrate: false })
  // every session connected before the test: the races' calls then start together on their own sessions
  const sessions = await Promise.all(Array.from({ length: POOL }, () => store.pool.connect()))
  for (const s of sessions) s.release()
  return {
    store: postgresRepositories(store.pool),
    fixtures: postgresFixtures(store.pool),
    async attach(reportId, fileId) {
      await inTransaction(store.pool, async (c) => {
        await c.query(ATTACH_SQL[0], [reportId])
        await c.query(ATTACH_SQL[1], [reportId, fileId])
      })
    },
    async exec(sql, values) {
      await store.pool.query(sql, values)
    },
    close: () => store.close(),
  }
}

async function openSqlite(): Promise<MessagesContractEngine> {
  const dir = tempDir('gongzhi-contract-')
  const store = openSqliteStore(path.join(dir, 'contract.db'))
  return {
    store,
    fixtures: sqliteFixtures(store.db),
    async attach(reportId, fileId) {
      store.db.transaction(() => {
        store.db.prepare(ATTACH_SQL[0]).run({ '1': reportId })
        store.db.prepare(ATTACH_SQL[1]).run({ '1': reportId, '2': fileId })
      })()
    },
    async exec(sql, values) {
      store.db.prepare(sql).run(Object.fromEntries(values.map((v, i) => [String(i + 1), v])))
    },
    async close() {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

messagesContract('PostgreSQL', openPostgres, { reference: openSqlite })
