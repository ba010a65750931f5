/**
 * `npm run bench:shifts` — shift.signup under contention: 200 connections (autocannon) on ONE shift of capacity
 * 20, every request a different volunteer (so every request is a real signup: a seat while seats last, then the
 * waitlist), beside the HTTP floor (bare Fastify route) measured in the same run. The warm-up signs up on another
 * shift (a week later, so no overlap); the measured run sends a fixed number of requests and awaits every reply,
 * so that afterwards confirmed = capacity exactly and waitlisted = the other successful signups can be checked.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import { seedDemo } from '../cloud/seed/seedSqlite'
import { DEMO_GRID_CENTRES } from '../cloud/seed/demoData'
import { child, fmt, freePort, machineLine, probe, SECONDS, stop, stopAll, tokensFor, WARMUP, type Row } from './support/run'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200)
const CAPACITY = 20
/** distinct volunteers: more than the warm-up or a measured run sends */
const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 30_000)
const COMMUNITY = 'c_jinjiang'
const DAY = 24 * 3600_000

async function prepare(file: string): Promise<string[]> {
  const store = openSqliteStore(file)
  await seedDemo(store.db)
  const db = store.db
  const user = db.prepare(`INSERT INTO users (id, name, community_id, verified, roster_only, created_at) VALUES (?, ?, ?, 1, 0, ?)`)
  const role = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)')
  const shift = db.prepare(`INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, 300, ?, ?, ?, 'u_committee_jj', ?)`)
  const now = Date.now()
  const at = new Date(now).toISOString()
  const c = DEMO_GRID_CENTRES['g_jj_1']!
  const ids: string[] = []
  db.transaction(() => {
    for (let i = 0; i < VOLUNTEERS; i++) {
      const id = `bench_vol_${String(i).padStart(6, '0')}`
      user.run(id, `压测志愿者${i}`, COMMUNITY, at)
      role.run(id, 'resident')
      role.run(id, 'volunteer')
      ids.push(id)
    }
    for (const [i, name] of ['probe', 'warm', 'run'].entries()) {
      const start = now + (7 + i * 7) * DAY
      shift.run(`bench_shift_${name}`, COMMUNITY, `压测班次 ${name}`, c.latitude, c.longitude, new Date(start).toISOString(),
        new Date(start + 2 * 3600_000).toISOString(), CAPACITY, at)
    }
  })()
  db.exec('ANALYZE')
  store.close()
  return ids
}

async function hammer(url: string, shiftId: string, tokens: string[], opts: { duration?: number; amount?: number }) {
  let k = 0
  const body = JSON.stringify({ action: 'shift.signup', payload: { id: shiftId } })
  return autocannon({
    url,
    connections: CONNECTIONS,
    // 200 connections queue on one process: wait for every reply rather than count a slow one as lost
    // (autocannon's `timeout`, seconds; not in bench/autocannon.d.ts)
    ...({ timeout: 60 } as object),
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? SECONDS }),
    requests: [
      {
        method: 'POST',
        path: '/api',
        setupRequest: (req) => ({
          ...req,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[k++ % tokens.length]}` },
          body,
        }),
      },
    ],
  })
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-shifts-'))
  const file = path.join(dir, 'http.db')
  const volunteers = await prepare(file)
  const tokens = await tokensFor(volunteers)
  const rows: Row[] = []

  const floorPort = await freePort()
  const floor = await child(['floor', String(floorPort)])
  const f = await hammer(`http://127.0.0.1:${floorPort}`, 'x', tokens, {})
  rows.push({ name: 'HTTP floor (bare Fastify route, constant reply)', rps: f.requests.average, p50: f.latency.p50, p99: f.latency.p99, errors: f.errors + f.non2xx + f.timeouts })
  await stop(floor)

  const port = await freePort()
  const api = await child(['api', file, String(port)])
  const url = `http://127.0.0.1:${port}`
  const first = await probe(url, tokens[0]!, JSON.stringify({ action: 'shift.signup', payload: { id: 'bench_shift_probe' } }))
  if ((first as { status?: string }).status !== 'confirmed') throw new Error(`probe signup gave ${JSON.stringify(first)}`)
  // warm-up on another shift, with the volunteers from the far end so the run's first ones are fresh
  const reversed = [...tokens].reverse()
  const warm = WARMUP > 0 ? await hammer(url, 'bench_shift_warm', reversed, { duration: WARMUP }) : null
  const amount = Math.min(volunteers.length, Math.max(2000, Math.round(((warm?.['2xx'] ?? 2000) / Math.max(1, WARMUP)) * SECONDS)))
  const run = await hammer(url, 'bench_shift_run', tokens, { amount })
  rows.push({
    name: `shift.signup over HTTP, one shift of ${CAPACITY} seats (a different volunteer each)`,
    rps: run.requests.average,
    p50: run.latency.p50,
    p99: run.latency.p99,
    errors: run.errors + run.non2xx + run.timeouts,
  })
  await stop(api)

  const after = openSqliteStore(file)
  const count = (status: string) =>
    (after.db.prepare("SELECT count(*) AS n FROM shift_signups WHERE shift_id = 'bench_shift_run' AND status = ?").get(status) as { n: number }).n
  const confirmed = count('confirmed')
  const waitlisted = count('waitlisted')
  const ranks = after.db
    .prepare("SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM shift_signups WHERE shift_id = 'bench_shift_run'")
    .get() as { n: number }
  after.close()
  if (process.env.BENCH_KEEP === '1') console.log(`kept: ${dir}`)
  else fs.rmSync(dir, { recursive: true, force: true })

  console.log(`\n${machineLine()}`)
  console.log(`\nLoad, ${CONNECTIONS} connections; floor ${SECONDS} s; signup: ${fmt(amount)} requests after ${WARMUP} s of the same load on another shift, unrecorded:\n`)
  console.log(['| run | requests/s | p50 ms | p99 ms | errors |', '|---|---:|---:|---:|---:|', ...rows.map((r) => `| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors} |`)].join('\n'))
  console.log(`\nshift.signup replies: 2xx ${fmt(run['2xx'])}, non-2xx ${run.non2xx}, timeouts ${run.timeouts}, socket errors ${run.errors}; rows ${fmt(ranks.n)}`)
  // every row is one successful signup (distinct volunteers); a reply cut off by a client timeout still made its row
  const holds = confirmed === CAPACITY && confirmed + waitlisted === ranks.n && ranks.n >= run['2xx'] && ranks.n <= amount
  console.log(
    `check: confirmed ${confirmed} (capacity ${CAPACITY}), waitlisted ${fmt(waitlisted)}, rows ${fmt(ranks.n)}, 2xx ${fmt(run['2xx'])}, sent ${fmt(amount)} → ${holds ? 'ok' : 'MISMATCH'}`,
  )
  if (!holds) process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  stopAll()
  process.exit(1)
})
