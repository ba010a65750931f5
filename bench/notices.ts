/**
 * `npm run bench` — load on notice.list and notice.confirm over HTTP (autocannon, 64 connections,
 * BENCH_SECONDS each, default 10) beside two floors measured in the same run:
 *   - HTTP floor: a bare Fastify route returning a constant (what HTTP + JSON cost on this machine);
 *   - storage floor: the same store operation called directly on better-sqlite3 in a loop.
 * Each action is printed as a ratio of the HTTP floor. Never asserted in tests; figures go to docs/BENCH.md.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { openSqliteStore, type SqliteStore } from '../cloud/adapters/sqlite/store'
import { createTokens } from '../cloud/auth/tokens'
import { systemClock } from '../cloud/adapters/system/clock'
import { seedDemo } from '../cloud/seed/seedSqlite'
import { NOTICE_CATEGORIES } from '@/domain/notice'
import { freePort } from '../test/support/serverProcess'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 64
const NOTICES = 200
const USERS = 1000
const SECRET = 'bench-secret-bench-secret-bench-secret'
const ROOT = path.resolve(__dirname, '..')

async function child(args: string[], env: Record<string, string> = {}): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', GONGZHI_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (d) => (String(d).includes('listening') ? resolve() : undefined))
    proc.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  return proc
}

async function stop(proc: ChildProcess) {
  await new Promise((r) => {
    proc.once('exit', r)
    proc.kill('SIGTERM')
  })
}

/** Demo data + NOTICES notices + USERS residents of 锦江社区 第一网格, straight into the file. */
async function prepare(file: string): Promise<{ store: SqliteStore; users: string[]; live: string[] }> {
  const store = openSqliteStore(file)
  seedDemo(store.db)
  const now = Date.now()
  const grids = ['g_jj_1', 'g_jj_2', 'g_jj_3']
  const live: string[] = []
  for (let i = 0; i < NOTICES; i++) {
    const id = `bench_n_${String(i).padStart(4, '0')}`
    const at = new Date(now - (NOTICES - i) * 60_000).toISOString()
    const gridIds = i % 2 === 0 ? null : [grids[i % 3] as string]
    await store.notices.publish(
      {
        id,
        communityId: 'c_jinjiang',
        authorId: 'u_committee_jj',
        title: `压测通知 ${i}`,
        body: '这是一条用于压测的通知正文。'.repeat(8),
        category: NOTICE_CATEGORIES[i % 4] ?? 'notice',
        pinned: i % 40 === 0,
        important: i % 3 === 0,
        gridIds,
        publishAt: at,
        expireAt: null,
        createdAt: at,
      },
      { at, actorId: 'u_committee_jj', action: 'notice.publish', targetType: 'notice', targetId: id, communityId: 'c_jinjiang' },
      null,
    )
    if (gridIds === null || gridIds[0] === 'g_jj_1') live.push(id)
  }
  const users: string[] = []
  for (let i = 0; i < USERS; i++) {
    const id = `bench_u_${String(i).padStart(4, '0')}`
    await store.users.create({
      id,
      name: `压测居民${i}`,
      roles: ['resident'],
      communityId: 'c_jinjiang',
      gridId: 'g_jj_1',
      householdId: null,
      verified: true,
      workerGridIds: [],
      createdAt: new Date(now).toISOString(),
    })
    users.push(id)
  }
  return { store, users, live }
}

/** The k-th distinct (notice, user) pair: the first NOTICES × USERS calls are all first confirmations. */
function pair(k: number, users: string[], live: string[]): { user: string; notice: string; userIndex: number } {
  const userIndex = k % users.length
  return { user: users[userIndex] as string, notice: live[Math.floor(k / users.length) % live.length] as string, userIndex }
}

interface Row {
  name: string
  rps: number
  p50: number
  p99: number
  errors: number
}

/** autocannon at CONNECTIONS connections; `next(k)` gives the k-th request's token and body. */
async function load(name: string, url: string, next: (k: number) => { token?: string; body: string }): Promise<Row & { count: number }> {
  let k = 0
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/api',
        setupRequest: (req) => {
          const { token, body } = next(k++)
          return { ...req, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body }
        },
      },
    ],
  })
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    count: result['2xx'],
  }
}

/** The same operation straight on the store, one at a time: what SQLite alone costs. */
async function direct(name: string, op: (i: number) => Promise<unknown>): Promise<Row> {
  const lat: number[] = []
  const end = Date.now() + SECONDS * 1000
  let i = 0
  const started = process.hrtime.bigint()
  while (Date.now() < end) {
    const t = process.hrtime.bigint()
    await op(i++)
    lat.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  const secs = Number(process.hrtime.bigint() - started) / 1e9
  lat.sort((a, b) => a - b)
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((lat.length * p) / 100))] ?? 0
  return { name, rps: i / secs, p50: pct(50), p99: pct(99), errors: 0 }
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-'))
  // two identical databases: one behind HTTP, one for the storage floor, both starting without confirmations
  const viaHttp = await prepare(path.join(dir, 'http.db'))
  viaHttp.store.close()
  const { store, users, live } = await prepare(path.join(dir, 'direct.db'))
  const tokensApi = createTokens(SECRET, systemClock)
  const tokens = await Promise.all(users.map(async (u) => (await tokensApi.issue(u)).token))
  const listBody = JSON.stringify({ action: 'notice.list', payload: { limit: 20 } })
  const confirmOf = (k: number) => {
    const p = pair(k, users, live)
    return { token: tokens[p.userIndex], body: JSON.stringify({ action: 'notice.confirm', payload: { id: p.notice } }) }
  }
  console.log(
    `bench: ${os.cpus().length} cores, ${CONNECTIONS} connections, ${SECONDS}s per run, ${NOTICES} notices (${live.length} in scope), ${USERS} residents`,
  )

  const rows: Row[] = []
  const floorPort = await freePort()
  const floor = await child(['floor', String(floorPort)])
  rows.push(await load('HTTP floor (bare Fastify route, constant reply)', `http://127.0.0.1:${floorPort}`, () => ({ body: listBody })))
  await stop(floor)

  const apiPort = await freePort()
  const api = await child(['api', path.join(dir, 'http.db'), String(apiPort)])
  const url = `http://127.0.0.1:${apiPort}`
  rows.push(await load('notice.list over HTTP (limit 20)', url, (k) => ({ token: tokens[k % tokens.length], body: listBody })))
  const first = await load('notice.confirm over HTTP, first time (write + fsync)', url, confirmOf)
  rows.push(first)
  rows.push(await load('notice.confirm over HTTP, repeated (idempotent)', url, (k) => confirmOf(k % Math.max(1, first.count))))
  await stop(api)

  const audience = { kind: 'member' as const, communityId: 'c_jinjiang', gridIds: ['g_jj_1'] }
  rows.push(
    await direct('storage floor: store.notices.list', (i) =>
      store.notices.list(audience, { viewerId: users[i % users.length] as string, now: new Date().toISOString(), limit: 21, after: null }),
    ),
  )
  let confirmed = 0
  rows.push(
    await direct('storage floor: store.notices.confirm, first time', (i) => {
      confirmed = i + 1
      const p = pair(i, users, live)
      return store.notices.confirm(p.notice, p.user, new Date().toISOString())
    }),
  )
  rows.push(
    await direct('storage floor: store.notices.confirm, repeated', (i) => {
      const p = pair(i % Math.max(1, confirmed), users, live)
      return store.notices.confirm(p.notice, p.user, new Date().toISOString())
    }),
  )
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })

  const httpFloor = rows[0]?.rps ?? 1
  const lines = [
    '| run | requests/s | p50 ms | p99 ms | × HTTP floor | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.rps / httpFloor, 2)} | ${r.errors} |`),
  ]
  console.log(`\n${new Date().toISOString()}  node ${process.version}  ${os.cpus()[0]?.model ?? ''} × ${os.cpus().length}`)
  console.log(lines.join('\n'))
  console.log(
    '\nHTTP rows: autocannon in this process, server in a child process, loopback. Storage-floor rows: one call at a time on one better-sqlite3 connection in this process (ops/s = 1 / mean latency).',
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
