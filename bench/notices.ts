/**
 * `npm run bench:notices` — load on notice.list and notice.confirm over HTTP (autocannon, 64 connections,
 * BENCH_SECONDS each, default 10, after BENCH_WARMUP s of the same load, default 3) beside two floors measured
 * in the same run:
 *   - HTTP floor: a bare Fastify route returning a constant (what HTTP + JSON cost on this machine);
 *   - storage floor: the same store operation called directly on better-sqlite3 in a loop.
 * Each action is printed as a ratio of the HTTP floor. Never asserted in tests; figures go to docs/BENCH.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore, type SqliteStore } from '../cloud/adapters/sqlite/store'
import { seedDemo } from '../cloud/seed/seedSqlite'
import { NOTICE_CATEGORIES } from '@/domain/notices'
import { child, CONNECTIONS, direct, freePort, load, machineLine, printLoad, SECONDS, stop, stopAll, tokensFor, type Row } from './support/run'

const NOTICES = 200
const USERS = 1000

/** Demo data + NOTICES notices + USERS residents of 锦江社区 第一网格, straight into the file. */
async function prepare(file: string): Promise<{ store: SqliteStore; users: string[]; live: string[] }> {
  const store = openSqliteStore(file)
  await seedDemo(store.db)
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

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-'))
  // two identical databases: one behind HTTP, one for the storage floor, both starting without confirmations
  const viaHttp = await prepare(path.join(dir, 'http.db'))
  viaHttp.store.close()
  const { store, users, live } = await prepare(path.join(dir, 'direct.db'))
  const tokens = await tokensFor(users)
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
  // the pairs the first-time run confirmed, warm-up included
  rows.push(await load('notice.confirm over HTTP, repeated (idempotent)', url, (k) => confirmOf(k % Math.max(1, first.warm + first.count))))
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

  console.log(`\n${machineLine()}`)
  printLoad(rows)
}

main().catch((e) => {
  console.error(e)
  stopAll()
  process.exit(1)
})
