/**
 * Slow clients (issue 16, finding 2, and the slow-client suite): a client that sends half a header, drips one
 * byte at a time, or opens a socket and says nothing is closed by the server within its timeouts; kept-alive
 * sockets go after the keep-alive timeout; connections over the cap are refused at once; /healthz keeps
 * answering throughout; a shutdown lets requests in flight finish and cuts the rest at its deadline.
 *
 * Most cases run with the limits shortened (same code path, seconds instead of tens of seconds); one case runs
 * with the production limits to show they are the ones in force.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloud/server/app'
import { HTTP_LIMITS, type HttpLimits } from '../../cloud/server/limits'
import { closeWithin } from '../../cloud/server/shutdown'
import { openTestStore, tempDir, type TestStore } from './support/harness'
import type { Store } from '../../cloud/compose'

jest.setTimeout(60_000)

const SHORT: Partial<HttpLimits> = { headersMs: 1_000, requestMs: 2_000, idleMs: 1_500, keepAliveMs: 500, checkEveryMs: 200 }
/** How late after its timeout a socket may still be open: Node checks on a timer, and the machine is shared. */
const SLACK_MS = 1_500

let dir: string
let opened: TestStore
let store: Store
beforeAll(async () => {
  dir = tempDir()
  opened = await openTestStore()
  store = opened.store
})
afterAll(async () => {
  await opened.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function serve(limits: Partial<HttpLimits>, routes?: (app: FastifyInstance) => void): Promise<{ app: FastifyInstance; port: number }> {
  const app = await buildServer({ store, limits, env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test' }, staticDir: path.join(dir, 'none') })
  routes?.(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, port: (app.server.address() as net.AddressInfo).port }
}

interface Probe {
  socket: net.Socket
  opened: number
  /** ms from connect to the server closing it; rejects after `within` */
  closed(within: number): Promise<number>
  received(): string
}

function open(port: number, first?: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let data = ''
    let closedAt: number | null = null
    const waiters: (() => void)[] = []
    socket.on('data', (d) => (data += d.toString()))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      closedAt = Date.now()
      waiters.forEach((w) => w())
    })
    socket.once('connect', () => {
      const opened = Date.now()
      if (first) socket.write(first)
      resolve({
        socket,
        opened,
        received: () => data,
        closed: (within) =>
          new Promise((res, rej) => {
            if (closedAt !== null) return res(closedAt - opened)
            const t = setTimeout(() => rej(new Error(`still open after ${within} ms`)), within)
            waiters.push(() => {
              clearTimeout(t)
              res((closedAt as number) - opened)
            })
          }),
      })
    })
    socket.once('error', reject)
  })
}

async function healthz(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) })
  await res.text()
  return res.status
}

test('half a header, a byte drip and a silent socket are closed within the header timeout; /healthz answers meanwhile', async () => {
  const { app, port } = await serve(SHORT)
  try {
    const half = await open(port, 'GET /healthz HTTP/1.1\r\nHost: gongzhi\r\nX-Slow: ')
    const silent = await open(port)
    const drip = await open(port, 'GET /healthz HTTP/1.1\r\nHost: gongzhi\r\nX-Drip: ')
    const dripping = setInterval(() => drip.socket.writable && drip.socket.write('a'), 100)
    try {
      expect(await healthz(port)).toBe(200)
      for (const p of [half, silent, drip]) {
        const ms = await p.closed(SHORT.headersMs! + SLACK_MS)
        expect(ms).toBeGreaterThanOrEqual(SHORT.headersMs! - 100)
      }
    } finally {
      clearInterval(dripping)
    }
    // the half header got the envelope, not Fastify's body
    expect(half.received()).toMatch(/^HTTP\/1\.1 400 /)
    expect(half.received()).toContain('"ok":false')
    expect(await healthz(port)).toBe(200)
  } finally {
    await app.close()
  }
})

test('a kept-alive socket is closed after the keep-alive timeout', async () => {
  const { app, port } = await serve(SHORT)
  try {
    const p = await open(port, 'GET /healthz HTTP/1.1\r\nHost: gongzhi\r\nConnection: keep-alive\r\n\r\n')
    const ms = await p.closed(SHORT.keepAliveMs! + SLACK_MS)
    expect(p.received()).toMatch(/^HTTP\/1\.1 200 /)
    expect(ms).toBeLessThan(SHORT.keepAliveMs! + SLACK_MS)
  } finally {
    await app.close()
  }
})

test('a body that stalls is cut at the request timeout', async () => {
  const { app, port } = await serve(SHORT)
  try {
    const p = await open(port, 'POST /api HTTP/1.1\r\nHost: gongzhi\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"action":')
    const trickle = setInterval(() => p.socket.writable && p.socket.write(' '), 300)
    try {
      await p.closed(SHORT.requestMs! + SLACK_MS)
    } finally {
      clearInterval(trickle)
    }
  } finally {
    await app.close()
  }
})

test('over the connection cap: refused at once, and /healthz answers again once the slow ones are gone', async () => {
  const { app, port } = await serve({ ...SHORT, maxConnections: 40 })
  try {
    const slow = await Promise.all(Array.from({ length: 40 }, () => open(port, 'GET / HTTP/1.1\r\n')))
    const extra = await open(port, 'GET /healthz HTTP/1.1\r\nHost: gongzhi\r\n\r\n')
    // refused at accept: closed with no answer, well before any timeout
    expect(await extra.closed(SHORT.headersMs!)).toBeLessThan(SHORT.headersMs!)
    expect(extra.received()).toBe('')
    await Promise.all(slow.map((p) => p.closed(SHORT.headersMs! + SLACK_MS)))
    expect(await healthz(port)).toBe(200)
  } finally {
    await app.close()
  }
})

test('200 slow sockets below the cap: /healthz keeps answering', async () => {
  const { app, port } = await serve(SHORT)
  try {
    const slow = await Promise.all(Array.from({ length: 200 }, () => open(port, 'GET / HTTP/1.1\r\nHost: a\r\n')))
    const t = Date.now()
    expect(await healthz(port)).toBe(200)
    expect(Date.now() - t).toBeLessThan(2_000)
    await Promise.all(slow.map((p) => p.closed(SHORT.headersMs! + SLACK_MS * 2)))
  } finally {
    await app.close()
  }
})

test('shutdown: a request in flight finishes, a stuck client is cut at the deadline', async () => {
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  let started!: () => void
  const inFlight = new Promise<void>((r) => (started = r))
  const { app, port } = await serve({ ...SHORT, headersMs: 30_000, requestMs: 60_000, idleMs: 30_000 }, (a) =>
    a.get('/test-slow', async () => {
      started()
      await gate
      return { ok: true }
    }),
  )
  const stuck = await open(port, 'GET /healthz HTTP/1.1\r\nHost: gongzhi\r\n')
  const slowReply = fetch(`http://127.0.0.1:${port}/test-slow`).then(async (r) => ({ status: r.status, body: await r.text() }))
  await inFlight
  const t = Date.now()
  const closing = closeWithin(app, 1_000)
  setTimeout(release, 300)
  expect(await slowReply).toEqual({ status: 200, body: '{"ok":true}' })
  const { forced } = await closing
  expect(Date.now() - t).toBeLessThan(1_000 + SLACK_MS)
  await stuck.closed(SLACK_MS)
  expect(forced).toBe(true)
})

test('the production limits are the ones in force', async () => {
  const { app, port } = await serve({})
  try {
    const s = app.server
    expect({ headers: s.headersTimeout, request: s.requestTimeout, keepAlive: s.keepAliveTimeout, idle: s.timeout, max: s.maxConnections }).toEqual({
      headers: HTTP_LIMITS.headersMs,
      request: HTTP_LIMITS.requestMs,
      keepAlive: HTTP_LIMITS.keepAliveMs,
      idle: HTTP_LIMITS.idleMs,
      max: HTTP_LIMITS.maxConnections,
    })
    // and one real half header against them (about ten seconds)
    const half = await open(port, 'GET /healthz HTTP/1.1\r\nHost: gongzhi\r\n')
    expect(await healthz(port)).toBe(200)
    const ms = await half.closed(HTTP_LIMITS.headersMs + SLACK_MS + HTTP_LIMITS.checkEveryMs)
    expect(ms).toBeGreaterThanOrEqual(HTTP_LIMITS.headersMs - 100)
  } finally {
    await app.close()
  }
})
