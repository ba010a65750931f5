import { spawn } from 'node:child_process'
import path from 'node:path'
import type { ApiReply } from '@/domain/shared/envelope'

const ROOT = path.resolve(__dirname, '../../..')
const WORKER = path.join(__dirname, 'raceWorker.ts')

/**
 * Runs `processes` worker processes on the same store (`location`: the harness's, a SQLite file or a
 * postgres:// URL), each with its own connection, each firing `perProcess` dispatches of
 * the same event as soon as every process is ready. Returns every reply, in process order.
 * `userId` may be a list: process i acts as userId[i % length] (two committee members, two claimants).
 */
export async function race(opts: {
  /** the store: h.location */
  location: string
  action: string
  payload: unknown
  userId: string | string[]
  requestId?: string
  processes: number
  perProcess: number
  /** each dispatch its own caller: process i fires as userId[i * perProcess + j] (needs processes × perProcess users) */
  userPerDispatch?: boolean
}): Promise<ApiReply[]> {
  const users = Array.isArray(opts.userId) ? opts.userId : [opts.userId]
  const children = Array.from({ length: opts.processes }, (_, i) => {
    const userId = opts.userPerDispatch ? users.slice(i * opts.perProcess, (i + 1) * opts.perProcess) : users[i % users.length]
    const job = JSON.stringify({ ...opts, userId, count: opts.perProcess })
    return spawn(process.execPath, ['--import', 'tsx', WORKER, job], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
  })
  const outputs = children.map((child) => {
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    const ready = new Promise<void>((resolve, reject) => {
      const check = () => (out.includes('ready\n') ? resolve() : undefined)
      child.stdout.on('data', check)
      child.once('exit', (code) => reject(new Error(`worker exited (${code}) before ready: ${err}`)))
    })
    const done = new Promise<ApiReply[]>((resolve, reject) => {
      child.once('exit', (code) => {
        if (code !== 0) return reject(new Error(`worker exited with ${code}: ${err}`))
        const line = out.split('\n').find((l) => l.startsWith('['))
        resolve(JSON.parse(line ?? '[]') as ApiReply[])
      })
    })
    return { child, ready, done }
  })
  await Promise.all(outputs.map((o) => o.ready))
  for (const o of outputs) o.child.stdin.end('go\n')
  return (await Promise.all(outputs.map((o) => o.done))).flat()
}

/** How many replies came back ok and with each error code: { ok: 20, ALREADY_VOTED: 49 }. */
export function codes(replies: ApiReply[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of replies) {
    const k = r.ok ? 'ok' : r.error.code
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}
