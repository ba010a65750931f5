/**
 * Issue 16, finding 1: dev login mints a session of any role, so it must not be reachable from the network by
 * default. With dev login on the server listens on loopback unless HOST is set, and refuses dev login on a
 * request that did not come from this machine (a proxy's forwarding header counts as "elsewhere") unless
 * GONGZHI_DEV_LOGIN=1.
 *
 * Traffic stays on loopback: a request "from elsewhere" is a loopback request carrying a proxy's header, and
 * the address rule itself is checked on addresses as values.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { configFromEnv, listenHost } from '../../cloud/compose'
import { buildServer } from '../../cloud/server/app'
import { isLocalRequest } from '../../cloud/server/devLoginGuard'
import { startServerProcess } from '../support/serverProcess'
import { newDbLocation, openTestStore, tempDir, type TestStore } from './support/harness'
import type { Store } from '../../cloud/compose'

jest.setTimeout(60_000)

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

const users = async () => ((await opened.sql.get('SELECT count(*) AS n FROM users')) as { n: number }).n

const urls = new WeakMap<FastifyInstance, string>()
async function devLogin(app: FastifyInstance, headers: Record<string, string> = {}) {
  const url = urls.get(app) ?? (await app.listen({ port: 0, host: '127.0.0.1' }))
  urls.set(app, url)
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ action: 'auth.devLogin', payload: { role: 'committee' } }),
  })
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } }
}

async function withServer<T>(env: Record<string, string>, f: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const app = await buildServer({ store, env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'development', ...env }, staticDir: path.join(dir, 'none'), logLevel: 'silent' })
  try {
    return await f(app)
  } finally {
    await app.close()
  }
}

test('what counts as this machine', () => {
  for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect([a, isLocalRequest(a, {})]).toEqual([a, true])
  for (const a of ['203.0.113.7', '10.0.0.2', '192.168.1.5', '::ffff:198.51.100.4', '2001:db8::1', '0.0.0.0', undefined]) {
    expect([a, isLocalRequest(a, {})]).toEqual([a, false])
  }
  // a reverse proxy on the same host connects from loopback: its forwarding header says the client is elsewhere
  expect(isLocalRequest('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).toBe(false)
  expect(isLocalRequest('127.0.0.1', { forwarded: 'for=203.0.113.7' })).toBe(false)
  expect(isLocalRequest('127.0.0.1', { 'x-real-ip': '203.0.113.7' })).toBe(false)
})

test('dev login from elsewhere → FORBIDDEN, nobody made; from this machine → a session', async () => {
  await withServer({}, async (app) => {
    const before = await users()
    const remote = await devLogin(app, { 'x-forwarded-for': '203.0.113.7' })
    expect(remote.status).toBe(403)
    expect(remote.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('GONGZHI_DEV_LOGIN=1') })
    expect(await users()).toBe(before)
    expect((await devLogin(app)).status).toBe(200)
  })
})

test('GONGZHI_DEV_LOGIN=1: the operator lets other devices use dev login', async () => {
  await withServer({ GONGZHI_DEV_LOGIN: '1' }, async (app) => {
    expect((await devLogin(app, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200)
  })
})

test('where the server listens: loopback while dev login is on, unless HOST says otherwise', () => {
  expect(listenHost(configFromEnv({ NODE_ENV: 'development' }))).toBe('localhost')
  expect(listenHost(configFromEnv({ NODE_ENV: 'production', GONGZHI_DEV_LOGIN: '1' }))).toBe('localhost')
  expect(listenHost(configFromEnv({ NODE_ENV: 'development', HOST: '0.0.0.0' }))).toBe('0.0.0.0')
  expect(listenHost(configFromEnv({ NODE_ENV: 'production' }))).toBe('0.0.0.0')
  expect(listenHost(configFromEnv({ NODE_ENV: 'production', HOST: '127.0.0.1' }))).toBe('127.0.0.1')
})

/** The local addresses listening on `port` (Linux /proc/net/tcp and tcp6, state 0A = LISTEN), as hex. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .filter((f) => fs.existsSync(f))
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').slice(1))
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[1]?.endsWith(`:${hexPort}`) && c[3] === '0A')
    .map((c) => c[1]!.split(':')[0]!)
}

const LOOPBACK_HEX = new Set(['0100007F', '00000000000000000000000001000000'])

test('the real server with dev login on listens on loopback only and says so', async () => {
  const s = await startServerProcess({ GONGZHI_DB: await newDbLocation(dir, 'proc.db'), NODE_ENV: 'development', HOST: '', GONGZHI_H5_DIR: path.join(dir, 'none') })
  try {
    const found = listeners(Number(new URL(s.url).port))
    expect(found.length).toBeGreaterThan(0)
    expect(found.filter((a) => !LOOPBACK_HEX.has(a))).toEqual([])
    expect(s.output()).toContain('仅本机可访问')
  } finally {
    await s.stop()
  }
})
