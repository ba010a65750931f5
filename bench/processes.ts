/**
 * `npm run bench:processes` — the API with 1, 2 and 4 server processes (GONGZHI_PROCESSES) on one database, per
 * engine (BENCH_ENGINES, default "sqlite,postgres"; PostgreSQL: BENCH_PG=postgres://… or a private server), beside
 * the bare Fastify floor in as many processes, measured in the same run: a read (notice.list, a full page of 20)
 * and a write (report.create, a new requestId each), CONNECTIONS connections. The real server (cloud/server/main.ts)
 * in production mode. Never asserted in tests; figures go to docs/BENCH.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { REPORT_CATEGORIES } from '@/domain/reports'
import { NOTICE_CATEGORIES } from '@/domain/notices'
import { openDemoStore, type DbConfig } from '../cloud/compose'
import { startPrivatePostgres } from '../test/support/postgres'
import { startServerProcess } from '../test/support/serverProcess'
import { child, CONNECTIONS, fmt, freePort, load, machineLine, SECONDS, SECRET, stop, stopAll, tokensFor, WARMUP, type Row } from './support/run'

const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,2,4').split(',').map(Number)
const USERS = 500
const NOTICES = 40

/** The demo, NOTICES notices and USERS residents of 锦江社区 第一网格 (verified, so that they may report). */
async function prepare(db: DbConfig): Promise<string[]> {
  const { store } = await openDemoStore(db)
  try {
    const now = Date.now()
    for (let i = 0; i < NOTICES; i++) {
      const id = `bench_n_${String(i).padStart(3, '0')}`
      const at = new Date(now - (NOTICES - i) * 60_000).toISOString()
      await store.notices.publish(
        { id, communityId: 'c_jinjiang', authorId: 'u_committee_jj', title: `压测通知 ${i}`, body: '这是一条用于压测的通知正文。'.repeat(8),
          category: NOTICE_CATEGORIES[i % 4] ?? 'notice', pinned: false, important: i % 3 === 0, gridIds: null, publishAt: at, expireAt: null, createdAt: at },
        { at, actorId: 'u_committee_jj', action: 'notice.publish', targetType: 'notice', targetId: id, communityId: 'c_jinjiang' },
        null,
      )
    }
    const users: string[] = []
    for (let i = 0; i < USERS; i++) {
      const id = `bench_u_${String(i).padStart(3, '0')}`
      await store.users.create({ id, name: `压测居民${i}`, roles: ['resident'], communityId: 'c_jinjiang', gridId: 'g_jj_1', householdId: null,
        verified: true, workerGridIds: [], createdAt: new Date(now).toISOString() })
      users.push(id)
    }
    return users
  } finally {
    await store.close()
  }
}

async function measure(engine: string, gongzhiDb: string, users: string[], rows: Row[]): Promise<void> {
  const tokens = await tokensFor(users)
  const listBody = JSON.stringify({ action: 'notice.list', payload: { limit: 20 } })
  const runId = `${process.pid}_${Date.now()}`
  for (const n of PROCESSES) {
    const floorPort = await freePort()
    const floor = await child(['floor', String(floorPort), String(n)])
    rows.push(await load(`${engine} · ${n} process(es) · HTTP floor (bare Fastify, same body)`, `http://127.0.0.1:${floorPort}`, () => ({ body: listBody })))
    await stop(floor)
    const server = await startServerProcess({
      GONGZHI_DB: gongzhiDb, GONGZHI_PROCESSES: String(n), NODE_ENV: 'production', GONGZHI_SECRET: SECRET, GONGZHI_RATE_LIMIT: 'off', LOG_LEVEL: 'warn',
    })
    try {
      rows.push(await load(`${engine} · ${n} process(es) · notice.list (20 items)`, server.url, (k) => ({ token: tokens[k % tokens.length], body: listBody })))
      rows.push(
        await load(`${engine} · ${n} process(es) · report.create (write)`, server.url, (k) => ({
          token: tokens[k % tokens.length],
          body: JSON.stringify({
            action: 'report.create',
            payload: { category: REPORT_CATEGORIES[k % REPORT_CATEGORIES.length], description: `压测上报 ${k}：路灯不亮，晚上行人看不清路。`, gridId: 'g_jj_1' },
            requestId: `bench_${runId}_${n}_${k}`,
          }),
        })),
      )
    } finally {
      await server.stop()
    }
  }
}

async function main() {
  console.log(`bench:processes — ${machineLine()}; ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP} s unrecorded`)
  const rows: Row[] = []
  for (const engine of ENGINES) {
    if (engine === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-proc-'))
      const file = path.join(dir, 'g.db')
      const users = await prepare({ engine: 'sqlite', file })
      await measure('SQLite', file, users, rows)
      fs.rmSync(dir, { recursive: true, force: true })
    } else if (engine === 'postgres') {
      const server = process.env.BENCH_PG ? null : await startPrivatePostgres({ durable: true })
      try {
        const admin = process.env.BENCH_PG ?? server!.url
        const c = new pg.Client({ connectionString: admin })
        await c.connect()
        const name = `gongzhi_bench_${process.pid}`
        await c.query(`CREATE DATABASE ${name}`)
        await c.end()
        const u = new URL(admin)
        u.pathname = `/${name}`
        const users = await prepare({ engine: 'postgres', url: u.toString(), poolSize: 4 })
        await measure('PostgreSQL', u.toString(), users, rows)
      } finally {
        server?.stop()
      }
    } else {
      throw new Error(`BENCH_ENGINES: unknown engine ${engine}`)
    }
  }
  console.log('\n| run | requests/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|')
  for (const r of rows) console.log(`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors} |`)
  for (const r of rows) if (r.errors > 0 && r.detail) console.log(`errors in "${r.name}": ${r.detail}`)
}

main().catch((err) => {
  stopAll()
  console.error(err)
  process.exit(1)
})
