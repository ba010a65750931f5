/**
 * GONGZHI_PROCESSES=2 (issue 15): the multi-process server keeps what it acknowledged and limits per user across
 * its processes.
 * - kill -9 of the primary and both workers at once during a write load (reports and notices from several
 *   clients): after reopening the file, every acknowledged write is there, once, and the database is intact.
 * - the per-minute rate limit counts a user's requests in whichever worker they land (clusterRateLimit.ts): 40
 *   requests on new connections, spread by the primary over both workers, meet a limit of 20 exactly 20 times.
 * The sweeps running once across the processes: server.cluster.test.ts and leases.contract.test.ts.
 */
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import Database from 'better-sqlite3'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { tempDir } from './support/harness'

jest.setTimeout(120_000)

type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string } }

async function api<T>(url: string, token: string | null, action: string, payload: unknown, requestId?: string): Promise<Reply<T>> {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, payload, ...(requestId ? { requestId } : {}) }),
  })
  return (await res.json()) as Reply<T>
}

async function login(url: string, role: string): Promise<string> {
  const r = await api<{ token: string }>(url, null, 'auth.devLogin', { role })
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.data.token
}

/** The primary's node children: its workers (tsx also runs an esbuild child, left out). */
const workersOf = (pid: number): number[] =>
  execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, comm]) => comm === 'node')
    .map(([p]) => Number(p))

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const cluster = async (db: string, env: Record<string, string> = {}): Promise<ServerProcess> => {
  const server = await startServerProcess({ GONGZHI_DB: db, GONGZHI_PROCESSES: '2', NODE_ENV: 'test', GONGZHI_RATE_LIMIT: 'off', ...env })
  try {
    await server.waitFor('进程数：2')
    expect(workersOf(server.child.pid!)).toHaveLength(2)
  } catch (e) {
    await server.stop('SIGKILL')
    throw e
  }
  return server
}

test('kill -9 of the primary and its workers during a write load: every acknowledged write is in the reopened file', async () => {
  const db = path.join(tempDir('gongzhi-cluster-crash-'), 'g.db')
  const server = await cluster(db)
  const primary = server.child.pid!
  const workers = workersOf(primary)
  const acked: { table: 'reports' | 'notices'; id: string; text: string }[] = []
  let killing = false
  try {
    const committee = await login(server.url, 'committee')
    const residents = await Promise.all(Array.from({ length: 6 }, () => login(server.url, 'resident')))
    const write = async (k: number, token: string, kind: 'reports' | 'notices') => {
      for (let i = 0; !killing; i++) {
        const text = `多进程崩溃测试 ${kind} ${k}-${i}`
        try {
          const r =
            kind === 'reports'
              ? await api<{ id: string }>(server.url, token, 'report.create', { category: 'environment', description: text }, `cluster-crash-${k}-${String(i).padStart(6, '0')}`)
              : await api<{ id: string }>(server.url, token, 'notice.publish', { title: text, body: '写入后主进程和工作进程都被 kill -9', category: 'notice' }, `cluster-crash-${k}-${String(i).padStart(6, '0')}`)
          if (!r.ok) throw new Error(JSON.stringify(r.error))
          acked.push({ table: kind, id: r.data.id, text })
        } catch (e) {
          if (!killing) throw e // before the kill every request must succeed
        }
      }
    }
    const load = Promise.all([...residents.map((t, k) => write(k, t, 'reports')), write(99, committee, 'notices'), write(98, committee, 'notices')])
    let failure: unknown = null
    load.catch((e: unknown) => (failure = e))
    await until(() => acked.length >= 300 || failure !== null, 'acknowledged writes', 60_000)
    if (failure !== null) throw failure
    killing = true
    for (const pid of [primary, ...workers]) process.kill(pid, 'SIGKILL')
    await load
    await until(() => [primary, ...workers].every((p) => !alive(p)), 'every process gone')
  } finally {
    killing = true
    for (const pid of [primary, ...workers]) if (alive(pid)) process.kill(pid, 'SIGKILL')
  }
  expect(acked.filter((a) => a.table === 'reports').length).toBeGreaterThan(0)
  expect(acked.filter((a) => a.table === 'notices').length).toBeGreaterThan(0)

  const check = new Database(db, { readonly: true })
  try {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(check.pragma('foreign_key_check')).toEqual([])
    const reports = check.prepare('SELECT id FROM reports WHERE description = ?')
    const notices = check.prepare('SELECT id FROM notices WHERE title = ?')
    const missing = acked.filter((a) => {
      const rows = (a.table === 'reports' ? reports : notices).all(a.text) as { id: string }[]
      return !(rows.length === 1 && rows[0]!.id === a.id)
    })
    expect(missing).toEqual([])
  } finally {
    check.close()
  }
})

/** One request on a connection of its own (no keep-alive), so that the primary hands each to the next worker. */
function fresh(url: string, token: string): Promise<{ status: number; code: string | null }> {
  const { port } = new URL(url)
  const body = JSON.stringify({ action: 'notice.list', payload: {} })
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: Number(port), path: '/api', method: 'POST', agent: false,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => {
          const reply = JSON.parse(text) as Reply<unknown>
          resolve({ status: res.statusCode ?? 0, code: reply.ok ? null : reply.error.code })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

test('the rate limit is per user across the workers: 40 requests spread over both meet a limit of 20 exactly 20 times', async () => {
  const db = path.join(tempDir('gongzhi-cluster-rate-'), 'g.db')
  const server = await cluster(db, { GONGZHI_RATE_LIMIT: '20', LOG_LEVEL: 'info' })
  try {
    const token = await login(server.url, 'resident')
    const replies = []
    for (let i = 0; i < 40; i++) replies.push(await fresh(server.url, token))
    expect(replies.filter((r) => r.status === 200)).toHaveLength(20)
    expect(replies.slice(20).every((r) => r.status === 429 && r.code === 'RATE_LIMITED')).toBe(true)
    // both workers answered (with counts kept per process, each would have let its ~20 through)
    const pids = new Set(
      server
        .output()
        .split('\n')
        .filter((l) => l.includes('"msg":"request"') && l.includes('"action":"notice.list"'))
        .map((l) => (JSON.parse(l) as { pid: number }).pid),
    )
    expect(pids.size).toBe(2)
  } finally {
    await server.stop('SIGTERM')
  }
})
