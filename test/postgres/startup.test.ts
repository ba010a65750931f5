/**
 * Starting on a database that cannot be used fails fast, once, with one line: an unreachable or wrong
 * PostgreSQL URL; a schema newer than this code (both engines). `npm run migrate` on either engine prints what it
 * applied. Several servers started at once on an empty PostgreSQL database migrate and seed it once.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { redactUrl } from '../../cloud/adapters/postgres/pool'
import { openPostgresStore } from '../../cloud/adapters/postgres/store'
import { MIGRATIONS } from '../../cloud/adapters/sqlite/migrations'
import { DEMO_COMMUNITIES, DEMO_USERS } from '../../cloud/seed/demoData'
import { tempDir } from '../api/support/harness'
import { freshPgDatabase } from '../support/postgres'
import { freePort, startServerProcess } from '../support/serverProcess'

// each test starts processes or databases on a shared two-core machine
jest.setTimeout(60_000)

const ROOT = path.resolve(__dirname, '..', '..')
const LATEST = MIGRATIONS[MIGRATIONS.length - 1]!.version
const ALL = MIGRATIONS.map((m) => m.version).join(', ')

function runNode(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

test('an unreachable PostgreSQL fails at once with one line naming the server and not its password', async () => {
  const port = await freePort()
  const t0 = Date.now()
  const err = await openPostgresStore(`postgres://gongzhi:s3cret@127.0.0.1:${port}/gongzhi`).then(
    () => null,
    (e: Error) => e,
  )
  expect(Date.now() - t0).toBeLessThan(2000)
  expect(err?.message).toBe(`cannot connect to PostgreSQL at postgres://gongzhi:***@127.0.0.1:${port}/gongzhi: connect ECONNREFUSED 127.0.0.1:${port}`)
})

test('a database that does not exist, or a role that does not, is named in the one line', async () => {
  const url = new URL(await freshPgDatabase())
  url.pathname = '/no_such_database'
  await expect(openPostgresStore(url.toString())).rejects.toThrow(/^cannot connect to PostgreSQL at .*\/no_such_database: database "no_such_database" does not exist/)
  url.pathname = '/postgres'
  url.username = 'nobody'
  await expect(openPostgresStore(url.toString())).rejects.toThrow(/role "nobody" does not exist/)
})

test('PostgreSQL: a schema newer than this code is refused, and nothing is changed', async () => {
  const url = await freshPgDatabase()
  const store = await openPostgresStore(url, { poolSize: 1 })
  await store.pool.query("INSERT INTO schema_migrations VALUES ($1, 'from the future', now())", [LATEST + 1])
  await store.close()
  await expect(openPostgresStore(url, { poolSize: 1 })).rejects.toThrow(
    `has schema version ${LATEST + 1}, newer than this version of Gongzhi knows (${LATEST})`,
  )
  const r = await runNode('cloud/server/migrateMain.ts', { GONGZHI_DB: url })
  expect(r.code).toBe(1)
  expect(r.stderr.trim().split('\n')).toHaveLength(1)
  expect(r.stderr).toMatch(`migrate failed: the database at ${redactUrl(url)} has schema version ${LATEST + 1}, newer than`)
})

test('SQLite: a schema newer than this code is refused by migrate and by the server (exit 78), and nothing is changed', async () => {
  const dir = tempDir()
  const file = path.join(dir, 'future.db')
  const first = await runNode('cloud/server/migrateMain.ts', { GONGZHI_DB: file })
  expect(first).toMatchObject({ code: 0, stdout: `SQLite ${file}: applied ${ALL}; schema version ${LATEST}\n` })
  const db = new Database(file)
  db.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01T00:00:00.000Z')").run(LATEST + 1)
  db.close()

  const migrate = await runNode('cloud/server/migrateMain.ts', { GONGZHI_DB: file })
  expect(migrate.code).toBe(1)
  expect(migrate.stderr).toBe(`migrate failed: the database in ${file} has schema version ${LATEST + 1}, newer than this version of Gongzhi knows (${LATEST}): run the Gongzhi that migrated it, or restore a backup taken for this version\n`)

  const port = await freePort()
  const serve = await runNode('cloud/server/main.ts', { GONGZHI_DB: file, PORT: String(port), GONGZHI_H5_DIR: path.join(dir, 'none') })
  expect(serve.code).toBe(78)
  expect(serve.stderr.trim().split('\n')).toHaveLength(1)
  expect(serve.stderr).toMatch(`共治 Gongzhi 未启动：the database in ${file} has schema version ${LATEST + 1}`)
  // nothing seeded
  const after = new Database(file, { readonly: true })
  expect(after.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 })
  after.close()
})

test('npm run migrate on PostgreSQL applies every version once, then nothing; an unreachable URL is one line and exit 1', async () => {
  const url = await freshPgDatabase()
  const first = await runNode('cloud/server/migrateMain.ts', { GONGZHI_DB: url })
  expect(first).toMatchObject({ code: 0, stdout: `PostgreSQL ${redactUrl(url)}: applied ${ALL}; schema version ${LATEST}\n` })
  const again = await runNode('cloud/server/migrateMain.ts', { GONGZHI_DB: url })
  expect(again).toMatchObject({ code: 0, stdout: `PostgreSQL ${redactUrl(url)}: schema version ${LATEST}, already current; nothing applied\n` })

  const port = await freePort()
  const down = await runNode('cloud/server/migrateMain.ts', { GONGZHI_DB: `postgresql://u:pw@127.0.0.1:${port}/x` })
  expect(down).toMatchObject({ code: 1, stdout: '', stderr: `migrate failed: cannot connect to PostgreSQL at postgresql://u:***@127.0.0.1:${port}/x: connect ECONNREFUSED 127.0.0.1:${port}\n` })

  const bad = await runNode('cloud/server/migrateMain.ts', { GONGZHI_DB: url, GONGZHI_DB_POOL: 'many' })
  expect(bad).toMatchObject({ code: 1, stderr: 'migrate failed: GONGZHI_DB_POOL must be a number of connections from 1 to 1000, not "many"\n' })
})

test('three servers started at the same moment on an empty PostgreSQL database migrate and seed it once, and all serve it', async () => {
  const url = await freshPgDatabase()
  const servers = await Promise.all([1, 2, 3].map(() => startServerProcess({ GONGZHI_DB: url, LOG_LEVEL: 'info' })))
  try {
    const seeded = servers.filter((s) => s.output().includes('（已写入演示数据）'))
    expect(seeded).toHaveLength(1)
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      const one = async (sql: string) => (await c.query<{ n: number }>(sql)).rows[0]!.n
      expect(await one('SELECT count(*)::int AS n FROM schema_migrations')).toBe(MIGRATIONS.length)
      expect(await one('SELECT count(*)::int AS n FROM communities')).toBe(DEMO_COMMUNITIES.length)
      // the demo's people and 城管's officer (cloud/seed/seedDepartments.ts: DEMO_DEPARTMENT_MEMBER), once
      expect(await one('SELECT count(*)::int AS n FROM users')).toBe(DEMO_USERS.length + 1)
      expect(await one('SELECT count(*)::int AS n FROM motions')).toBe(4)
    } finally {
      await c.end()
    }
    // each serves the same demo: a signed-in resident's notices are the same on all three
    const login = await fetch(`${servers[0]!.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'auth.devLogin', payload: { role: 'resident' } }),
    }).then((r) => r.json() as Promise<{ data: { token: string } }>)
    const lists = await Promise.all(
      servers.map((s) =>
        fetch(`${s.url}/api`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.token}` },
          body: JSON.stringify({ action: 'notice.list', payload: {} }),
        }).then((r) => r.json() as Promise<{ ok: boolean; data: { items: { id: string }[] } }>),
      ),
    )
    expect(lists.every((l) => l.ok && l.data.items.length > 0)).toBe(true)
    expect(new Set(lists.map((l) => JSON.stringify(l.data))).size).toBe(1)
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
  }
})

test('the server on an unreachable PostgreSQL: one line naming it without the password, exit 1 (a supervisor may try again)', async () => {
  const port = await freePort()
  const r = await runNode('cloud/server/main.ts', { GONGZHI_DB: `postgres://gongzhi:secret@127.0.0.1:${port}/gongzhi`, PORT: String(await freePort()) })
  expect(r.code).toBe(1)
  expect(r.stdout).toBe('')
  expect(r.stderr).toBe(`共治 Gongzhi 未启动：cannot connect to PostgreSQL at postgres://gongzhi:***@127.0.0.1:${port}/gongzhi: connect ECONNREFUSED 127.0.0.1:${port}\n`)
})
