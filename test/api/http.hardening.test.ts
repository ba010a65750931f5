/**
 * The HTTP door against an outside attacker (issue 16): what the stranger found at the door, each with its fix.
 * Real loopback HTTP (see http.test.ts for why not inject); raw sockets where fetch would refuse to send.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer, type BuildOptions } from '../../cloud/server/app'
import { startServerProcess } from '../support/serverProcess'
import { newDbLocation, openTestStore, tempDir, type TestStore } from './support/harness'
import type { Store } from '../../cloud/compose'

jest.setTimeout(30_000)

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

describe('security headers on the H5 app and /api (finding 5)', () => {
  const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
  let h5: string
  beforeAll(() => {
    h5 = path.join(dir, 'h5')
    fs.mkdirSync(path.join(h5, 'js'), { recursive: true })
    fs.writeFileSync(path.join(h5, 'index.html'), `<!doctype html><title>共治</title><script>${INLINE}</script><script defer src="/js/app.js"></script>`)
    fs.writeFileSync(path.join(h5, 'js', 'app.js'), 'console.log(1)')
  })

  const directives = (csp: string | null) =>
    Object.fromEntries((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]))

  // the real server process: @fastify/static (the app at /) cannot load under jest (see http.test.ts)
  test('the app: a CSP it works under (its own inline script by hash), no framing, no sniffing', async () => {
    const server = await startServerProcess({ GONGZHI_DB: await newDbLocation(dir, 'app.db'), GONGZHI_H5_DIR: h5, GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test' })
    try {
      await checkApp(server.url)
    } finally {
      await server.stop()
    }
  })

  async function checkApp(url: string) {
    const res = await fetch(`${url}/`)
    expect(res.status).toBe(200)
    const csp = directives(res.headers.get('content-security-policy'))
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`
    expect(csp['script-src']).toEqual(expect.arrayContaining(["'self'", hash]))
    expect(csp['script-src']).not.toContain("'unsafe-inline'")
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['default-src']).toEqual(["'self'"])
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    const js = await fetch(`${url}/js/app.js`)
    expect(js.headers.get('x-content-type-options')).toBe('nosniff')
  }

  test('/api and /files replies carry them too', async () => {
    const { url } = await serve()
    const api = await fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"community.get"}' })
    expect(api.headers.get('x-content-type-options')).toBe('nosniff')
    expect(directives(api.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'none'"])
    const file = await fetch(`${url}/files/nosuchfile?e=1&s=x`)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
