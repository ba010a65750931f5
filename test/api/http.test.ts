/**
 * The HTTP door (cloud/server/app.ts): statuses per code, body limit, JSON safety, rate limit, health, logs.
 *
 * Over real loopback HTTP rather than fastify.inject: inject loads light-my-request → cookie, an ESM-only
 * package that jest's CommonJS runtime cannot require (the node project's transformIgnorePatterns does not
 * list it). The static H5 app is covered by server.process.test.ts, against the real server process.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { ERROR_STATUS, type ErrorCode } from '@/domain/shared/errors'
import { buildServer } from '../../cloud/server/app'
import { openTestStore, tempDir, type TestStore } from './support/harness'
import type { Store } from '../../cloud/compose'

let dir: string
let opened: TestStore
let store: Store
let app: FastifyInstance

async function server(env: Record<string, string> = {}) {
  return buildServer({ store, env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test', ...env }, staticDir: path.join(dir, 'no-h5') })
}
interface Res {
  statusCode: number
  headers: Record<string, string>
  body: string
  json(): any // eslint-disable-line @typescript-eslint/no-explicit-any
}

const urls = new WeakMap<FastifyInstance, string>()
async function base(a: FastifyInstance): Promise<string> {
  let url = urls.get(a)
  if (!url) {
    url = await a.listen({ port: 0, host: '127.0.0.1' })
    urls.set(a, url)
  }
  return url
}

async function request(a: FastifyInstance, method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<Res> {
  const res = await fetch(`${await base(a)}${url}`, { method, body, headers })
  const text = await res.text()
  const h: Record<string, string> = {}
  res.headers.forEach((v, k) => (h[k] = v))
  return {
    statusCode: res.status,
    headers: h,
    body: text,
    json: () => JSON.parse(text),
  }
}

const post = (a: FastifyInstance, body: unknown, token?: string, raw = false) =>
  request(a, 'POST', '/api', raw ? (body as string) : JSON.stringify(body), {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  })

async function login(a: FastifyInstance, role: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await post(a, { action: 'auth.devLogin', payload: { role, ...extra } })
  expect(r.statusCode).toBe(200)
  return r.json().data.token as string
}

beforeAll(async () => {
  dir = tempDir()
  opened = await openTestStore()
  store = opened.store
  app = await server()
})
afterAll(async () => {
  await app.close()
  await opened.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('POST /api: ok → 200 with the envelope; the token is the identity', async () => {
  const token = await login(app, 'committee')
  const r = await post(app, { action: 'me.get' }, token)
  expect(r.statusCode).toBe(200)
  expect(r.headers['cache-control']).toBe('no-store')
  expect(r.json()).toMatchObject({ ok: true, data: { roles: ['committee'], communityId: 'c_jinjiang' } })
})

test('each error code gets its status', async () => {
  const resident = await login(app, 'resident')
  const committee = await login(app, 'committee')
  const cases: [ErrorCode, unknown, string | undefined][] = [
    ['INVALID_INPUT', { action: 'notice.get', payload: { id: 5 } }, resident],
    ['UNAUTHENTICATED', { action: 'me.get' }, undefined],
    ['FORBIDDEN', { action: 'notice.publish', payload: { title: 't', body: 'b', category: 'notice' } }, resident],
    ['NOT_FOUND', { action: 'notice.get', payload: { id: 'n_nope' } }, resident],
    ['NOT_FOUND', { action: 'no.such' }, resident],
    ['CONTENT_REJECTED', { action: 'notice.publish', payload: { title: '代开发票', body: 'b', category: 'notice' } }, committee],
  ]
  for (const [code, body, token] of cases) {
    const r = await post(app, body, token)
    expect([code, r.statusCode]).toEqual([code, ERROR_STATUS[code]])
    expect(r.json()).toMatchObject({ ok: false, error: { code } })
  }
  // CONFLICT: one requestId reused for a different notice
  const publish = (title: string) =>
    post(app, { action: 'notice.publish', requestId: 'req-conflict-1', payload: { title, body: 'b', category: 'notice' } }, committee)
  expect((await publish('第一条')).statusCode).toBe(200)
  const again = await publish('另一条')
  expect(again.statusCode).toBe(409)
  expect(again.json().error.code).toBe('CONFLICT')
})

test('a malformed, forged or expired token is no identity → UNAUTHENTICATED 401', async () => {
  const token = await login(app, 'resident')
  const [h, p] = token.split('.')
  const forged = `${h}.${p}.${'A'.repeat(43)}`
  for (const t of ['garbage', forged, `${token}x`]) {
    const r = await post(app, { action: 'me.get' }, t)
    expect(r.statusCode).toBe(401)
    expect(r.json().error.code).toBe('UNAUTHENTICATED')
  }
  // expired: a server whose clock is 8 days later does not accept a 7-day token
  const later = await buildServer({
    store,
    env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test' },
    staticDir: path.join(dir, 'no-h5'),
    deps: { clock: { now: () => new Date(Date.now() + 8 * 24 * 3600_000) } },
  })
  const expired = await post(later, { action: 'me.get' }, token)
  expect(expired.statusCode).toBe(401)
  const fresh = await post(later, { action: 'me.get' }, await login(later, 'resident'))
  expect(fresh.statusCode).toBe(200)
  await later.close()
})

test('a 2 MB body → PAYLOAD_TOO_LARGE 413 envelope, nothing written', async () => {
  const committee = await login(app, 'committee')
  const before = await opened.sql.get('SELECT count(*) AS n FROM notices')
  const r = await post(app, { action: 'notice.publish', payload: { title: 't', body: '字'.repeat(700_000), category: 'notice' } }, committee)
  expect(r.statusCode).toBe(413)
  expect(r.json()).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
  expect(await opened.sql.get('SELECT count(*) AS n FROM notices')).toEqual(before)
})

test('malformed JSON, empty JSON, __proto__ and constructor.prototype → INVALID_INPUT 400 envelope', async () => {
  const token = await login(app, 'resident')
  const bodies = [
    '{"action":',
    '',
    'null',
    '[]',
    '{"action":"notice.list","__proto__":{"isAdmin":true}}',
    '{"action":"notice.list","payload":{"__proto__":{"x":1}}}',
    '{"action":"notice.list","constructor":{"prototype":{"x":1}}}',
  ]
  for (const body of bodies) {
    const r = await post(app, body, token, true)
    expect([body, r.statusCode]).toEqual([body, 400])
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  }
  const text = await request(app, 'POST', '/api', 'hello', { 'content-type': 'text/plain' })
  expect(text.statusCode).toBe(400)
  expect(text.json().error.code).toBe('INVALID_INPUT')
})

test('INTERNAL → 500 with a Chinese message and no stack', async () => {
  const broken = await buildServer({ store, env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test' }, staticDir: path.join(dir, 'no-h5') })
  const original = store.notices.list
  store.notices.list = async () => {
    throw new Error('disk on fire at /secret/path.ts:12')
  }
  try {
    const r = await post(broken, { action: 'notice.list' }, await login(broken, 'resident'))
    expect(r.statusCode).toBe(500)
    expect(r.json()).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时出错，请稍后再试' } })
    expect(r.body).not.toMatch(/disk on fire|secret|\.ts:\d+|at /)
  } finally {
    store.notices.list = original
    await broken.close()
  }
})

test('GONGZHI_RATE_LIMIT=3 → the 4th request of a user in a minute is RATE_LIMITED 429; users are counted apart', async () => {
  const limited = await server({ GONGZHI_RATE_LIMIT: '3' })
  const a = await login(app, 'resident')
  const b = await login(app, 'resident')
  const statuses = []
  for (let i = 0; i < 4; i++) statuses.push((await post(limited, { action: 'me.get' }, a)).statusCode)
  expect(statuses).toEqual([200, 200, 200, 429])
  const r = await post(limited, { action: 'me.get' }, a)
  expect(r.json()).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
  expect((await post(limited, { action: 'me.get' }, b)).statusCode).toBe(200)
  await limited.close()
})

test('GET /healthz → { ok: true, db: "ok" }', async () => {
  const r = await request(app, 'GET', '/healthz')
  expect(r.statusCode).toBe(200)
  expect(r.json()).toEqual({ ok: true, db: 'ok' })
})

test('without a built H5 app, / says how to build it', async () => {
  const r = await request(app, 'GET', '/')
  expect(r.statusCode).toBe(200)
  expect(r.body).toContain('npm run build:h5')
})

test('unknown routes → NOT_FOUND 404 envelope', async () => {
  const r = await request(app, 'GET', '/nope')
  expect(r.statusCode).toBe(404)
  expect(r.json().error.code).toBe('NOT_FOUND')
})

test('request log: one line per request, no body, no token', async () => {
  const lines: string[] = []
  const logged = await buildServer({
    store,
    env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test' },
    staticDir: path.join(dir, 'no-h5'),
    logLevel: 'info',
    logStream: { write: (line) => lines.push(line) },
  })
  try {
    const r = await post(logged, { action: 'auth.devLogin', payload: { role: 'resident', name: '秘密姓名' } })
    const token = r.json().data.token as string
    await post(logged, { action: 'me.get' }, token)
    const all = lines.join('')
    const records = all.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    const requests = records.filter((x) => x.msg === 'request')
    expect(requests).toHaveLength(2)
    expect(requests[1]).toMatchObject({ method: 'POST', url: '/api', status: 200, action: 'me.get' })
    expect(all).not.toContain(token)
    expect(all).not.toContain('秘密姓名')
  } finally {
    await logged.close()
  }
})

test('request log: a ballot (motion.cast, motion.recordOffline) is logged without the caller; status and duration kept', async () => {
  const lines: string[] = []
  const logged = await buildServer({
    store,
    env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test' },
    staticDir: path.join(dir, 'no-h5'),
    logLevel: 'info',
    logStream: { write: (line) => lines.push(line) },
  })
  try {
    const committee = await login(logged, 'committee')
    const resident = await login(logged, 'resident')
    const ids = await Promise.all(
      [committee, resident].map(async (t) => (await post(logged, { action: 'me.get' }, t)).json().data.id as string),
    )
    const day = 24 * 3600 * 1000
    const created = await post(logged, { action: 'motion.create', payload: {
      title: '日志测试议题', articles: [{ text: '一条。' }], kind: 'rules', eligibility: 'adults',
      voteFrom: new Date(Date.now() + day).toISOString(), voteUntil: new Date(Date.now() + 2 * day).toISOString(),
    } }, committee)
    const id = created.json().data.id as string
    await post(logged, { action: 'motion.advance', payload: { id, from: 'draft' } }, committee)
    await post(logged, { action: 'motion.advance', payload: { id, from: 'consultation' } }, committee)
    expect((await post(logged, { action: 'motion.cast', payload: { id, choice: 'yes' } }, resident)).statusCode).toBe(200)
    expect((await post(logged, { action: 'motion.cast', payload: { id, choice: 'no' } }, resident)).statusCode).toBe(409)
    await post(logged, { action: 'motion.recordOffline', payload: { id, residentId: ids[1], choice: 'no' } }, committee)
    const records = lines.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    const requests = records.filter((x) => x.msg === 'request')
    const ballots = requests.filter((x) => x.action === 'motion.cast' || x.action === 'motion.recordOffline')
    expect(ballots.map((x) => [x.action, x.status])).toEqual([['motion.cast', 200], ['motion.cast', 409], ['motion.recordOffline', 409]])
    for (const x of ballots) {
      expect(x).not.toHaveProperty('user')
      expect(typeof x.ms).toBe('number')
      expect(JSON.stringify(x)).not.toContain(ids[0])
      expect(JSON.stringify(x)).not.toContain(ids[1])
    }
    // other actions still say who
    expect(requests.find((x) => x.action === 'motion.advance')).toMatchObject({ user: ids[0], status: 200 })
  } finally {
    await logged.close()
  }
})
