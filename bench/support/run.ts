/**
 * What the benches share: the server child processes (bench/server.ts), autocannon at CONNECTIONS connections
 * after a warm-up, the storage-floor loop, session tokens, and the printed table. Figures go to docs/BENCH.md.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { systemClock } from '../../cloud/adapters/system/clock'
import { createTokens } from '../../cloud/auth/tokens'

export { freePort } from '../../test/support/serverProcess'

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
/** seconds of the same load before each measured run, not recorded */
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 3)
/** concurrent connections of the load runs; BENCH_CONNECTIONS overrides (bench:shifts: 200) */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64)
export const SECRET = 'bench-secret-bench-secret-bench-secret'
const ROOT = path.resolve(__dirname, '..', '..')

/** Servers still running: stopped when a bench fails half-way (`stopAll`), so that none outlives it. */
const running = new Set<ChildProcess>()

/** bench/server.ts as a child process: `['api', <db>, <port>]` (the real server) or `['floor', <port>]`. */
export async function child(args: string[], env: Record<string, string> = {}): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '..', 'server.ts'), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', GONGZHI_SECRET: SECRET, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (d) => (String(d).includes('listening') ? resolve() : undefined))
    proc.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  running.add(proc)
  proc.once('exit', () => running.delete(proc))
  return proc
}

export async function stop(proc: ChildProcess): Promise<void> {
  await new Promise((r) => {
    proc.once('exit', r)
    proc.kill('SIGTERM')
  })
}

export function stopAll(): void {
  for (const proc of running) proc.kill('SIGTERM')
}

/** Session tokens as the server checks them (same secret), one per user id, in order. */
export async function tokensFor(userIds: string[]): Promise<string[]> {
  const tokens = createTokens(SECRET, systemClock)
  return Promise.all(userIds.map(async (id) => (await tokens.issue(id)).token))
}

export interface Row {
  name: string
  rps: number
  p50: number
  p99: number
  errors: number
  detail?: string
}

export interface LoadRow extends Row {
  /** 2xx replies in the measured run */
  count: number
  /** 2xx replies in the warm-up */
  warm: number
  detail: string
}

/**
 * autocannon at CONNECTIONS connections for SECONDS, after WARMUP s of the same load unrecorded (a cold write
 * path takes seconds at 64 connections). `next(k, phase)` gives the k-th request's token and body (k counts on
 * from the warm-up into the measured run); without `next`, GET `path`. With `amount`, the measured run sends that
 * many requests instead of running SECONDS, and awaits every reply (a duration cuts off up to CONNECTIONS in flight).
 */
export async function load(
  name: string,
  url: string,
  next: ((k: number, phase: 'warm' | 'run') => { token?: string; body: string }) | null,
  path = '/api',
  amount?: (warm: number) => number,
): Promise<LoadRow> {
  let k = 0
  const run = (duration: number, phase: 'warm' | 'run', n?: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      ...(n ? { amount: n } : { duration }),
      requests: [
        next
          ? {
              method: 'POST',
              path,
              setupRequest: (req) => {
                const { token, body } = next(k++, phase)
                return {
                  ...req,
                  headers: {
                    'content-type': 'application/json',
                    ...(token ? { authorization: `Bearer ${token}` } : {}),
                  },
                  body,
                }
              },
            }
          : { method: 'GET', path },
      ],
    })
  const warm = WARMUP > 0 ? (await run(WARMUP, 'warm'))['2xx'] : 0
  const result = await run(SECONDS, 'run', amount?.(warm))
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, s]) => `${code}: ${s.count}`)
    .join(', ')
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    count: result['2xx'],
    warm,
    detail: `2xx ${result['2xx']}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}, socket errors ${result.errors}${codes ? ` (status ${codes})` : ''}`,
  }
}

/** One request before a run: the bench measures replies that succeed, or stops. */
export async function probe(url: string, token: string, body: string): Promise<unknown> {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  })
  const reply = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown }
  if (!reply.ok) throw new Error(`probe failed (${res.status}): ${JSON.stringify(reply.error)}`)
  return reply.data
}

/** The same operation straight on the store, one at a time, after WARMUP s of it: what SQLite alone costs. */
export async function direct(
  name: string,
  op: (i: number) => Promise<unknown>,
): Promise<Row & { calls: number }> {
  const lat: number[] = []
  let i = 0
  const warm = Date.now() + WARMUP * 1000
  while (Date.now() < warm) await op(i++)
  const end = Date.now() + SECONDS * 1000
  const first = i
  const started = process.hrtime.bigint()
  while (Date.now() < end) {
    const t = process.hrtime.bigint()
    await op(i++)
    lat.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  const secs = Number(process.hrtime.bigint() - started) / 1e9
  lat.sort((a, b) => a - b)
  return { name, rps: (i - first) / secs, p50: pct(lat, 50), p99: pct(lat, 99), errors: 0, calls: i }
}

export function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0
}

export const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })

/** When, with what, on what: the line above each table. */
export function machineLine(): string {
  return `${new Date().toISOString()}  node ${process.version}  ${os.cpus()[0]?.model ?? ''} × ${os.cpus().length}`
}

/** The load table, each run as a ratio of the first row (the HTTP floor), then the error details and the method note. */
export function printLoad(rows: Row[]): void {
  const httpFloor = rows[0]?.rps ?? 1
  console.log(
    `\nLoad, ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP} s of the same load unrecorded:\n`,
  )
  console.log(
    [
      '| run | requests/s | p50 ms | p99 ms | × HTTP floor | errors |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.rps / httpFloor, 2)} | ${r.errors} |`,
      ),
    ].join('\n'),
  )
  for (const r of rows) if (r.errors > 0 && r.detail) console.log(`errors in "${r.name}": ${r.detail}`)
  console.log(
    '\nHTTP rows: autocannon in this process, server in a child process, loopback. Storage-floor rows: one call at a time on one better-sqlite3 connection in this process (ops/s = 1 / mean latency).',
  )
}

/** The latencies in ms of `calls` awaited calls of `fn` after `warmup` unrecorded ones, sorted ascending. */
export async function latencies(fn: () => unknown, calls: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const lat: number[] = []
  for (let i = 0; i < calls; i++) {
    const t = process.hrtime.bigint()
    await fn()
    lat.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return lat.sort((a, b) => a - b)
}
