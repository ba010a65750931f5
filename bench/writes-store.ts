/**
 * `npx tsx bench/writes-store.ts` — the four write actions of issue 15 (notice.confirm, report.create, motion.cast,
 * shift.signup) called one after another through the dispatcher on a seeded store, without HTTP: per action the
 * median and p90 of a whole call, and how much of it was spent inside the store's methods (each repository method
 * wrapped with a timer), so a change to the write path shows in both. SQLite on a temporary file (WAL,
 * synchronous=FULL: every commit fsyncs); PostgreSQL too with BENCH_PG=1 (a private server started durable: fsync
 * and synchronous_commit on). BENCH_CALLS calls per action (default 300). BENCH_NOSYNC=1 runs SQLite without the fsync of
 * each commit, to show the code's own cost where a slow disk hides it. Then the same calls BENCH_INFLIGHT (default 64)
 * at a time, as 64 connections would send them: calls/s, p50 / p99 of a call, and on SQLite how many commits the
 * group commit made for them (cloud/adapters/sqlite/groupCommit.ts). Never asserted; figures go to docs/BENCH.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ApiReply } from '@/domain/shared/envelope'
import { groupCommitOf } from '../cloud/adapters/sqlite/groupCommit'
import { makeHarness, type Harness } from '../test/api/support/harness'
import { addVoters, COMMITTEE, openVote } from '../test/api/support/motionFixtures'
import { addVolunteers, shiftInput } from '../test/api/support/shiftFixtures'
import { startPrivatePostgres } from '../test/support/postgres'

const CALLS = Number(process.env.BENCH_CALLS ?? 300)
const INFLIGHT = Number(process.env.BENCH_INFLIGHT ?? 64)

interface Timed {
  total: number[]
  store: number[]
  /** this process's CPU time (user + system) per call, µs: less swayed than wall time by other processes on the machine */
  cpu: number
}

/** Wraps every method of the repositories the write paths use, summing the time spent inside them. */
function meter(h: Harness): { take(): number } {
  let spent = 0
  const store = h.store as unknown as Record<string, Record<string, unknown>>
  for (const name of ['reports', 'notices', 'motions', 'shifts', 'users', 'communities', 'messages', 'settings', 'files', 'callouts']) {
    const repo = store[name]
    if (!repo) continue
    for (const [key, fn] of Object.entries(repo)) {
      if (typeof fn !== 'function') continue
      repo[key] = async (...args: unknown[]) => {
        const t = performance.now()
        try {
          return await (fn as (...a: unknown[]) => unknown).apply(repo, args)
        } finally {
          spent += performance.now() - t
        }
      }
    }
  }
  return {
    take() {
      const s = spent
      spent = 0
      return s
    },
  }
}

async function timed(m: { take(): number }, calls: (() => Promise<ApiReply<unknown>>)[]): Promise<Timed> {
  const out: Timed = { total: [], store: [], cpu: 0 }
  const cpu = process.cpuUsage()
  for (const call of calls) {
    m.take()
    const t = performance.now()
    const r = await call()
    out.total.push(performance.now() - t)
    out.store.push(m.take())
    if (!r.ok) throw new Error(`bench call failed: ${JSON.stringify(r.error)}`)
  }
  const used = process.cpuUsage(cpu)
  out.cpu = (used.user + used.system) / calls.length
  return out
}

/** The calls INFLIGHT at a time (each worker starts its next call when its last one is answered): calls/s, latencies. */
async function inflight(calls: (() => Promise<ApiReply<unknown>>)[]): Promise<{ rate: number; times: number[] }> {
  const times: number[] = []
  let next = 0
  const t0 = performance.now()
  const worker = async () => {
    while (next < calls.length) {
      const call = calls[next++]!
      const t = performance.now()
      const r = await call()
      times.push(performance.now() - t)
      if (!r.ok) throw new Error(`bench call failed: ${JSON.stringify(r.error)}`)
    }
  }
  await Promise.all(Array.from({ length: INFLIGHT }, worker))
  return { rate: (calls.length / (performance.now() - t0)) * 1000, times }
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
const us = (ms: number) => `${Math.round(ms * 1000)} µs`.padStart(9)

/** The machine's fsync of one 4 KB write in the temporary folder the stores use (median of 50): a commit's floor. */
function fsyncFloor(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-fsync-'))
  const fd = fs.openSync(path.join(dir, 'probe'), 'w')
  const times: number[] = []
  try {
    for (let i = 0; i < 50; i++) {
      fs.writeSync(fd, Buffer.alloc(4096, i), 0, 4096, 0)
      const t = performance.now()
      fs.fsyncSync(fd)
      times.push(performance.now() - t)
    }
  } finally {
    fs.closeSync(fd)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return q(times, 0.5)
}

async function run(engine: 'sqlite' | 'postgres'): Promise<void> {
  const h = await makeHarness({ engine })
  // BENCH_NOSYNC=1: the CPU cost alone, no fsync per commit (a diagnostic of the code's own cost, never a setting to serve with)
  if (engine === 'sqlite' && process.env.BENCH_NOSYNC === '1') h.sqlite().db.pragma('synchronous = OFF')
  try {
    const voters = await addVoters(h, 2 * CALLS, { ownHouseholds: true })
    const volunteers = await addVolunteers(h, 2 * CALLS)
    /** The four actions' calls for the voters/volunteers from `from` on (each call a new write: nothing replays). */
    const callsOf = async (from: number) => {
      const vs = voters.slice(from, from + CALLS)
      const motionId = await openVote(h)
      const notice = await h.ok<{ id: string }>('notice.publish', { title: '停水通知', body: '明日停水', category: 'notice', important: true }, COMMITTEE)
      const shift = await h.ok<{ shifts: { id: string }[] }>('shift.create', shiftInput({ capacity: Math.min(200, Math.ceil(CALLS / 2)) }), COMMITTEE)
      return [
        ['notice.confirm', vs.map((v) => () => h.call('notice.confirm', { id: notice.id }, v.id))],
        ['report.create', vs.map((v, i) => () => h.call('report.create', { category: 'environment', description: `楼下垃圾堆了三天没人清运 ${i}` }, v.id, `bench-request-${String(from + i).padStart(6, '0')}`))],
        ['motion.cast', vs.map((v, i) => () => h.call('motion.cast', { id: motionId, choice: i % 3 === 0 ? 'no' : 'yes' }, v.id))],
        ['shift.signup', volunteers.slice(from, from + CALLS).map((v) => () => h.call('shift.signup', { id: shift.shifts[0]!.id }, v.id))],
      ] as [string, (() => Promise<ApiReply<unknown>>)[]][]
    }
    const one = await callsOf(0)
    const many = await callsOf(CALLS)
    const m = meter(h)
    const rows: [string, Timed][] = []
    for (const [name, calls] of one) rows.push([name, await timed(m, calls)])
    console.log(`\n${engine}${engine === 'sqlite' && process.env.BENCH_NOSYNC === '1' ? ' (synchronous=OFF: CPU only)' : ''}: ${CALLS} calls each, one at a time (median / p90; whole call, then inside the store)`)
    for (const [name, t] of rows) {
      console.log(`  ${name.padEnd(15)} call ${us(q(t.total, 0.5))} / ${us(q(t.total, 0.9))}   store ${us(q(t.store, 0.5))} / ${us(q(t.store, 0.9))}   cpu ${us(t.cpu / 1000)}`)
    }
    console.log(`${engine}: the same, ${INFLIGHT} calls in flight (calls/s; p50 / p99 of a call; commits made for the ${CALLS} calls)`)
    let commits = 0
    if (engine === 'sqlite') groupCommitOf(h.sqlite().db).beforeCommit = () => void commits++
    for (const [name, calls] of many) {
      commits = 0
      const r = await inflight(calls)
      const made = engine === 'sqlite' && commits > 0 ? String(commits) : '—'
      console.log(`  ${name.padEnd(15)} ${String(Math.round(r.rate)).padStart(6)} calls/s   ${us(q(r.times, 0.5))} / ${us(q(r.times, 0.99))}   commits ${made}`)
    }
  } finally {
    await h.close()
  }
}

async function main(): Promise<void> {
  console.log(`fsync of 4 KB here: ${us(fsyncFloor())} (median of 50; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`)
  await run('sqlite')
  if (process.env.BENCH_PG !== '1') return
  const pg = await startPrivatePostgres({ durable: true })
  process.env.GONGZHI_TEST_PG = pg.url
  try {
    await run('postgres')
  } finally {
    pg.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
