/**
 * The HTTP door against an outside attacker (issue 16): what the stranger found at the door, each with its fix.
 * Real loopback HTTP (see http.test.ts for why not inject); raw sockets where fetch would refuse to send.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { openSqliteStore, type SqliteStore } from '../../cloud/adapters/sqlite/store'
import { seedDemo } from '../../cloud/seed/seedSqlite'
import { buildServer, type BuildOptions } from '../../cloud/server/app'
import { tempDir } from './support/harness'

jest.setTimeout(30_000)

let dir: string
let store: SqliteStore
beforeAll(async () => {
  dir = tempDir()
  store = openSqliteStore(path.join(dir, 'door.db'))
  await seedDemo(store.db)
})
afterAll(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const running: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.close()))
})

async function serve(env: Record<string, string> = {}, opts: Partial<BuildOptions> = {}): Promise<{ app: FastifyInstance; url: string; port: number }> {
  const app = await buildServer({ store, env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test', ...env }, staticDir: path.join(dir, 'none'), ...opts })
  running.push(app)
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url, port: (app.server.address() as net.AddressInfo).port }
}

/** Sends raw bytes and resolves with everything the server answered before closing (or after 3 s). */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes))
    let data = ''
    socket.on('data', (d) => (data += d.toString()))
    socket.on('error', () => undefined)
    const done = () => resolve(data)
    socket.on('close', done)
    setTimeout(() => {
      socket.destroy()
      done()
    }, 3_000)
  })
}

function parse(response: string): { status: number; body: unknown } {
  const [head, ...rest] = response.split('\r\n\r\n')
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1])
  return { status, body: JSON.parse(rest.join('\r\n\r\n')) }
}

describe('a bad Content-Length gets the envelope, not Fastify’s own body (finding 9)', () => {
  const cases: [string, string][] = [
    ['not a number', 'Content-Length: abc\r\n'],
    ['negative', 'Content-Length: -5\r\n'],
    ['two different values', 'Content-Length: 2\r\nContent-Length: 3\r\n'],
    ['with Transfer-Encoding: chunked', 'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n'],
  ]
  test.each(cases)('%s', async (_name, header) => {
    const { port } = await serve()
    const res = await raw(port, `POST /api HTTP/1.1\r\nHost: gongzhi\r\nContent-Type: application/json\r\n${header}\r\n{}`)
    const { status, body } = parse(res)
    expect(status).toBe(400)
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } })
  })

  test('a body shorter than its Content-Length, then silence: the envelope at the request timeout', async () => {
    const { port } = await serve({}, { limits: { requestMs: 800, headersMs: 800, checkEveryMs: 100 } })
    const res = await raw(port, 'POST /api HTTP/1.1\r\nHost: gongzhi\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{}')
    const { status, body } = parse(res)
    expect(status).toBe(400)
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('GET /files/:id and GET /healthz are rate limited like /api (finding 8)', () => {
  test.each(['/healthz', '/files/nosuchfile?e=1&s=x'])('%s: over the limit → 429 with the envelope', async (route) => {
    const { url } = await serve({ GONGZHI_RATE_LIMIT: '3' })
    const statuses: number[] = []
    let last: unknown = null
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${url}${route}`)
      statuses.push(res.status)
      last = await res.json()
    }
    expect(statuses[3]).toBe(429)
    expect(statuses.slice(0, 3)).not.toContain(429)
    expect(last).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
  })
})
