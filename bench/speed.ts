/**
 * `npm run bench` — issue 15's harness. The server as production runs it (dist/server/main.js, compiled by
 * scripts/build-server.mjs; NODE_ENV=production) with GONGZHI_PROCESSES = each of BENCH_PROCESSES (default "2,1"),
 * on a fresh SQLite file (bench/speed/data.ts). Per action — reads notice.list, report.list (mine, queue, area),
 * motion.get, shift.list on full pages of 20; writes notice.confirm, report.create, motion.cast, shift.signup — it
 * prints: closed-loop req/s, p50, p99 at BENCH_CONNECTIONS (64); the payload floor (bench/speed/floor.ts: bare
 * Fastify sending the very reply bytes the server sent for that request, same process count, same run) and the
 * ratio to it; p50/p99 at fixed offered loads of 50 % and 80 % of the closed-loop maximum (autocannon
 * overallRate); then the storm (bench/speed/storm.ts): 200 new connections at once, one request each, p99 of the
 * first reply. BENCH_ACTIONS picks actions by key. BENCH_SECONDS per run (default 3) after BENCH_WARMUP s unrecorded (default 1). No assertions.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { REPORT_CATEGORIES } from '@/domain/reports'
import { prepare, COMMITTEE, WORKER, type BenchData } from './speed/data'
import type { Captured } from './speed/floor'
import { storm } from './speed/storm'
import { fmt, freePort, machineLine, SECRET, tokensFor } from './support/run'

const SECS = Number(process.env.BENCH_SECONDS ?? 3)
const WARM = Number(process.env.BENCH_WARMUP ?? 1)
const CONNS = Number(process.env.BENCH_CONNECTIONS ?? 64)
const STORM = Number(process.env.BENCH_STORM ?? 200)
const PROCESSES = (process.env.BENCH_PROCESSES ?? '2,1').split(',').map(Number)
const ROOT = path.resolve(__dirname, '..')
const children = new Set<ChildProcess>()

interface Action {
  key: string
  label: string
  kind: 'read' | 'write'
  /** the k-th request of this action (k counts on over every run, so that writes never repeat) */
  next(k: number): { token: string; body: string }
}

interface Measured {
  proc: number
  action: Action
  bytes: number
  rps: number
  p50: number
  p99: number
  errors: number
  floor: number
  at50: { p50: number; p99: number; rps: number }
  at80: { p50: number; p99: number; rps: number }
}

function spawnChild(args: string[], env: Record<string, string>, ready: (out: string) => boolean): Promise<ChildProcess> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  children.add(proc)
  proc.once('exit', () => children.delete(proc))
  let out = ''
  return new Promise((resolve, reject) => {
    proc.stdout?.on('data', (d) => {
      out += String(d)
      if (ready(out)) resolve(proc)
    })
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}`)))
  })
}

const stop = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve()
    proc.once('exit', () => resolve())
    proc.kill('SIGTERM')
  })

async function cannon(url: string, path: string, next: (() => { token: string; body: string }) | null, seconds: number, rate?: number) {
  const r = await autocannon({
    url,
    connections: CONNS,
    duration: seconds,
    ...(rate ? { overallRate: Math.max(1, Math.round(rate)) } : {}),
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => {
          const { token, body } = next ? next() : { token: '', body: '{}' }
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }
        },
      },
    ],
  })
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts }
}

function actionsOf(d: BenchData, tokens: Map<string, string>): Action[] {
  const t = (id: string) => tokens.get(id) as string
  const U = d.users.length
  const user = (k: number) => t(d.users[k % U] as string)
  const nth = <T>(xs: T[], k: number) => xs[Math.floor(k / U) % xs.length] as T
  const list = (scope: string, who: string) => () => ({ token: t(who), body: JSON.stringify({ action: 'report.list', payload: { scope, limit: 20 } }) })
  const run = `${process.pid}_${Date.now()}`
  return [
    { key: 'notice_list', label: 'notice.list', kind: 'read', next: (k) => ({ token: user(k), body: JSON.stringify({ action: 'notice.list', payload: { limit: 20 } }) }) },
    { key: 'report_mine', label: 'report.list mine (resident)', kind: 'read', next: list('mine', d.users[0] as string) },
    { key: 'report_queue', label: 'report.list queue (grid worker)', kind: 'read', next: list('queue', WORKER) },
    { key: 'report_area', label: 'report.list area (committee)', kind: 'read', next: list('area', COMMITTEE) },
    { key: 'motion_get', label: 'motion.get', kind: 'read', next: (k) => ({ token: user(k), body: JSON.stringify({ action: 'motion.get', payload: { id: d.motions[0] } }) }) },
    { key: 'shift_list', label: 'shift.list', kind: 'read', next: (k) => ({ token: user(k), body: JSON.stringify({ action: 'shift.list', payload: { limit: 20 } }) }) },
    { key: 'notice_confirm', label: 'notice.confirm', kind: 'write', next: (k) => ({ token: user(k), body: JSON.stringify({ action: 'notice.confirm', payload: { id: nth(d.important, k) } }) }) },
    {
      key: 'report_create', label: 'report.create', kind: 'write',
      next: (k) => ({ token: user(k), body: JSON.stringify({ action: 'report.create', requestId: `bench_${run}_${k}`,
        payload: { category: REPORT_CATEGORIES[k % REPORT_CATEGORIES.length], description: `压测上报 ${k}：路灯不亮，晚上行人看不清路。`, gridId: 'g_jj_1' } }) }),
    },
    { key: 'motion_cast', label: 'motion.cast', kind: 'write', next: (k) => ({ token: user(k), body: JSON.stringify({ action: 'motion.cast', payload: { id: nth(d.motions, k), choice: ['yes', 'no', 'abstain'][k % 3] } }) }) },
    { key: 'shift_signup', label: 'shift.signup', kind: 'write', next: (k) => ({ token: user(k), body: JSON.stringify({ action: 'shift.signup', payload: { id: nth(d.shifts, k) } }) }) },
  ]
}

/** One request as the bench sends it; the reply's status, headers and bytes, for the floor to send back. */
async function capture(url: string, req: { token: string; body: string }): Promise<Captured> {
  const res = await fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${req.token}` }, body: req.body })
  const body = await res.text()
  if (!(JSON.parse(body) as { ok: boolean }).ok) throw new Error(`${req.body} failed: ${body}`)
  const headers: Record<string, string> = {}
  res.headers.forEach((v, k) => {
    if (!['date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(k)) headers[k] = v
  })
  return { status: res.status, headers, body }
}

async function startServer(db: string, processes: number): Promise<{ proc: ChildProcess; url: string }> {
  const port = await freePort()
  const env = { PORT: String(port), HOST: '127.0.0.1', GONGZHI_DB: db, GONGZHI_PROCESSES: String(processes), NODE_ENV: 'production', GONGZHI_SECRET: SECRET,
    GONGZHI_RATE_LIMIT: 'off', LOG_LEVEL: 'warn', GONGZHI_H5_DIR: '/nonexistent' }
  const proc = await spawnChild(['--enable-source-maps', 'dist/server/main.js'], env, (out) => out.includes('已启动'))
  return { proc, url: `http://127.0.0.1:${port}` }
}

async function main() {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-speed-'))
  const db = path.join(dir, 'g.db')
  const data = await prepare(db)
  const ids = [...data.users, WORKER, COMMITTEE]
  const tokens = new Map((await tokensFor(ids)).map((tok, i) => [ids[i] as string, tok]))
  // BENCH_ACTIONS=notice_list,report_create: only those (keys as in actionsOf); the storm always runs
  const only = process.env.BENCH_ACTIONS?.split(',')
  const actions = actionsOf(data, tokens).filter((a) => !only || only.includes(a.key) || a.key === 'notice_list' || a.key === 'report_create')
  const measured = actions.filter((a) => !only || only.includes(a.key))
  const counters = new Map(actions.map((a) => [a.key, 0]))
  const nextOf = (a: Action) => () => {
    const k = counters.get(a.key) as number
    counters.set(a.key, k + 1)
    return a.next(k)
  }
  console.log(`bench: ${machineLine()}; ${data.users.length} residents; ${CONNS} connections; ${SECS} s per run after ${WARM} s unrecorded`)
  const results: Measured[] = []
  const storms: string[] = []
  for (const n of PROCESSES) {
    const { proc, url } = await startServer(db, n)
    try {
      // 25 reports by resident 0 in 第一网格: full pages for mine, queue (孙丽) and area (committee)
      const create = actions.find((a) => a.key === 'report_create') as Action
      for (let i = 0; i < 25; i++) await capture(url, { ...create.next(10_000_000 + i + n * 100), token: tokens.get(data.users[0] as string) as string })
      const replies: Record<string, Captured> = {}
      for (const a of actions) replies[a.key] = await capture(url, nextOf(a)())
      for (const a of actions.filter((x) => x.kind === 'read')) {
        const items = (JSON.parse(replies[a.key]!.body) as { data: { items?: unknown[] } }).data.items
        if (items && items.length < 20) throw new Error(`${a.label}: a page of ${items.length}, not a full page of 20`)
      }
      const file = path.join(dir, 'replies.json')
      fs.writeFileSync(file, JSON.stringify(replies))
      const floorPort = await freePort()
      const floor = await spawnChild(['--import', 'tsx', 'bench/speed/floor.ts', file, String(floorPort), String(n)], {}, (out) => out.includes('listening'))
      const floorUrl = `http://127.0.0.1:${floorPort}`
      try {
        for (const a of measured) {
          const next = nextOf(a)
          await cannon(floorUrl, `/floor/${a.key}`, next, WARM)
          const fl = await cannon(floorUrl, `/floor/${a.key}`, next, SECS)
          await cannon(url, '/api', next, WARM)
          const closed = await cannon(url, '/api', next, SECS)
          const at50 = await cannon(url, '/api', next, SECS, closed.rps * 0.5)
          const at80 = await cannon(url, '/api', next, SECS, closed.rps * 0.8)
          const m = { proc: n, action: a, bytes: Buffer.byteLength(replies[a.key]!.body), ...closed, errors: closed.errors + at50.errors + at80.errors, floor: fl.rps, at50, at80 }
          results.push(m)
          process.stderr.write(`  ${n} proc · ${a.label}: ${fmt(m.rps)} req/s (floor ${fmt(m.floor)}), p99 ${m.p99} ms\n`)
        }
        const first = actions[0] as Action
        const req = nextOf(first)()
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${req.token}` }
        // three storms each, a second apart (the idle connections closed); the run with the median p99 is printed
        const median = async (u: string, p: string) => {
          const runs = []
          for (let i = 0; i < 3; i++) {
            runs.push(await storm(u, p, headers, req.body, STORM))
            await new Promise((r) => setTimeout(r, 1000))
          }
          return { mid: runs.sort((x, y) => x.p99 - y.p99)[1] as Awaited<ReturnType<typeof storm>>, all: runs.map((r) => fmt(r.p99)).join(', ') }
        }
        const s = await median(url, '/api')
        const f = await median(floorUrl, `/floor/${first.key}`)
        storms.push(`| ${n} | ${STORM} | ${fmt(s.mid.p50, 1)} | ${fmt(s.mid.p99, 1)} | ${fmt(s.mid.max, 1)} | ${s.mid.errors} | ${s.all} | ${fmt(f.mid.p99, 1)} |`)
      } finally {
        await stop(floor)
      }
    } finally {
      await stop(proc)
    }
  }
  fs.rmSync(dir, { recursive: true, force: true })

  console.log(`\n${machineLine()} · server: dist/server/main.js, NODE_ENV=production, SQLite (WAL, synchronous=FULL)\n`)
  console.log('| processes | action | reply bytes | req/s | p50 ms | p99 ms | payload floor req/s | × floor | p50 / p99 ms at 50 % | p50 / p99 ms at 80 % | errors |')
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const r of results) {
    console.log(`| ${r.proc} | ${r.action.label} | ${fmt(r.bytes)} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.floor)} | ${fmt(r.rps / r.floor, 2)} | ${fmt(r.at50.p50)} / ${fmt(r.at50.p99)} | ${fmt(r.at80.p50)} / ${fmt(r.at80.p99)} | ${r.errors} |`)
  }
  console.log(`\nStorm: ${STORM} new connections at once, one notice.list each, after the loads above; time to the first reply of each (ms), the storm with the median p99 of three:\n`)
  console.log('| processes | connections | p50 | p99 | max | errors | p99 of the 3 storms | floor p99 |\n|---:|---:|---:|---:|---:|---:|---|---:|')
  for (const s of storms) console.log(s)
  console.log(
    '\nClosed-loop: autocannon at the given connections in this process, server in child processes, loopback. Fixed loads: autocannon overallRate at 50 % and 80 % of the closed-loop req/s just measured (p99 includes queueing when the offered rate is not met). autocannon reports latency in whole ms.',
  )
}

main().catch((e) => {
  console.error(e)
  for (const c of children) c.kill('SIGTERM')
  process.exit(1)
})
