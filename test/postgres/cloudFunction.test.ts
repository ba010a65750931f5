/**
 * The WeChat cloud function as it ships: `npm run build:cloud`'s bundle (not the TypeScript), called by a harness
 * the way CloudBase calls it (test/support/cloud/harness.cjs, wx-server-sdk stood in locally), on a PostgreSQL
 * database with the demo seed. Identity is only the platform's OPENID: a resident's, a grid worker's and a
 * committee member's day go through it; what the event claims is not who the caller is; a timer event without
 * a caller runs the reminders sweep and a client cannot fake one; bad events get clear codes and write nothing.
 * The same calls through the HTTP door give the same replies.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import pg from 'pg'
import { systemClock } from '../../cloud/adapters/system/clock'
import { createTokens } from '../../cloud/auth/tokens'
import { openDemoStore } from '../../cloud/compose'
import { freshPgDatabase } from '../support/postgres'
import { startServerProcess } from '../support/serverProcess'

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, '../..')
const BUNDLE = path.join(ROOT, 'cloudfunctions/api/index.js')
const OPENID = { resident: 'o_resident_jj1', worker: 'o_worker_jj1', committee: 'o_committee_jj' }

interface Reply {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string; message: string }
}

let url: string
let fn: ChildProcessWithoutNullStreams
let lines: AsyncIterableIterator<string>

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cloud.mjs')], { cwd: ROOT, stdio: 'pipe' })
  url = await freshPgDatabase()
  const { store } = await openDemoStore({ engine: 'postgres', url, poolSize: 2 })
  await store.close()
  // what an operator's grant does for staff in the cloud (no dev login there): bind each WeChat openid to its person
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  for (const [id, openid] of [['u_resident_jj1', OPENID.resident], ['u_worker_jj1', OPENID.worker], ['u_committee_jj', OPENID.committee]]) {
    await c.query('UPDATE users SET openid = $2 WHERE id = $1', [id, openid])
  }
  await c.end()
  fn = spawn(process.execPath, [path.join(ROOT, 'test/support/cloud/harness.cjs'), BUNDLE], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'test/support/cloud'), GONGZHI_DB: url, GONGZHI_SECRET: 'cloud-secret-cloud-secret-cloud-secret', NODE_ENV: 'production' },
  })
  lines = readline.createInterface({ input: fn.stdout })[Symbol.asyncIterator]()
  expect((await lines.next()).value).toBe('ready')
})

afterAll(async () => {
  fn?.stdin.end()
  await new Promise((r) => fn?.once('exit', r))
})

async function call(wx: Record<string, string>, event: unknown): Promise<{ reply: Reply; openapi: unknown[] }> {
  fn.stdin.write(`${JSON.stringify({ wx, event })}\n`)
  const { value } = await lines.next()
  return JSON.parse(value as string)
}
const as = async (openid: string, action: string, payload: unknown = {}, requestId?: string) =>
  (await call({ OPENID: openid, SOURCE: 'wx_client' }, { action, payload, ...(requestId ? { requestId } : {}), userInfo: { appId: 'wx_test', openId: openid } })).reply

async function rows(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(sql, params)).rows
  } finally {
    await c.end()
  }
}

test('a resident, a grid worker and a committee member: their day through the bundled function', async () => {
  // 微信一键登录 on 云开发: the session of whoever WeChat says is calling
  const session = await as(OPENID.resident, 'auth.cloudLogin')
  expect(session).toMatchObject({ ok: true, data: { token: expect.any(String), user: { id: 'u_resident_jj1', name: '王建华' } } })
  // the resident reads notices and reports a problem in their grid
  const notices = await as(OPENID.resident, 'notice.list')
  expect(notices).toMatchObject({ ok: true, data: { items: expect.any(Array) } })
  const report = await as(OPENID.resident, 'report.create', { category: 'environment', description: '3栋楼下垃圾桶满了，两天没人清运', gridId: 'g_jj_1' }, 'cloud-req-0001')
  expect(report).toMatchObject({ ok: true, data: { status: 'submitted', gridId: 'g_jj_1' } })
  const again = await as(OPENID.resident, 'report.create', { category: 'environment', description: '3栋楼下垃圾桶满了，两天没人清运', gridId: 'g_jj_1' }, 'cloud-req-0001')
  expect(again.data?.id).toBe(report.data?.id)

  // the grid worker finds it in the queue and accepts it
  const queue = await as(OPENID.worker, 'report.list', { scope: 'queue' })
  expect((queue.data?.items as { id: string }[]).map((r) => r.id)).toContain(report.data?.id)
  const accepted = await as(OPENID.worker, 'report.transition', { id: report.data?.id, action: 'accept' }, 'cloud-req-0002')
  expect(accepted).toMatchObject({ ok: true, data: { status: 'accepted' } })

  // the committee publishes a notice; the resident sees it
  const published = await as(OPENID.committee, 'notice.publish', { title: '云函数通知', body: '周六上午清洗二次供水水箱', category: 'notice' }, 'cloud-req-0003')
  expect(published).toMatchObject({ ok: true })
  const seen = await as(OPENID.resident, 'notice.list')
  expect((seen.data?.items as { title: string }[]).map((n) => n.title)).toContain('云函数通知')
  expect(await rows("SELECT count(*)::int AS n FROM reports WHERE description LIKE '3栋楼下垃圾桶满了%'")).toEqual([{ n: 1 }])
})

test('text is checked by cloud.openapi.security.msgSecCheck v2 as the caller (the stand-in SDK answers)', async () => {
  const description = '5栋电梯按钮失灵，老人上下楼不方便'
  const { reply, openapi } = await call({ OPENID: OPENID.resident, SOURCE: 'wx_client' }, { action: 'report.create', payload: { category: 'facility', description, gridId: 'g_jj_1' } })
  expect(reply).toMatchObject({ ok: true, data: { status: 'submitted' } })
  expect(openapi).toEqual([{ name: 'security.msgSecCheck', args: { openid: OPENID.resident, scene: 3, version: 2, content: description } }])
  // risky (errCode 0, result.suggest risky) → a notice is refused, nothing written
  const risky = await as(OPENID.committee, 'notice.publish', { title: '通知', body: '周末活动 [stand-in:risky]', category: 'notice' })
  expect(risky).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
  expect(await rows("SELECT count(*)::int AS n FROM notices WHERE body LIKE '%stand-in%'")).toEqual([{ n: 0 }])
  // unavailable → a report is still received, held and queued; the timer's recheck tries it again
  const held = await as(OPENID.resident, 'report.create', { category: 'facility', description: '6栋门禁坏了 [stand-in:down]', gridId: 'g_jj_1' })
  expect(held).toMatchObject({ ok: true, data: { status: 'submitted' } })
  expect(await rows('SELECT r.moderation, q.attempts FROM reports r JOIN report_rechecks q ON q.report_id = r.id WHERE r.id = $1', [held.data?.id])).toEqual([
    { moderation: 'review', attempts: 0 },
  ])
  const timer = await call({}, { Type: 'Timer', TriggerName: 'reminders', Time: new Date().toISOString(), Message: '' })
  expect(timer.reply).toMatchObject({ ok: true, data: { rechecked: { released: 0, kept: 0, retried: 1 } } })
  expect(timer.openapi).toContainEqual({ name: 'security.msgSecCheck', args: expect.objectContaining({ openid: OPENID.resident, scene: 3 }) })
  // …and a notice while unavailable is refused with the retryable code, nothing written
  const unchecked = await as(OPENID.committee, 'notice.publish', { title: '通知', body: '停电检修 [stand-in:down]', category: 'notice' })
  expect(unchecked).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('内容安全检查') } })
  expect(await rows("SELECT count(*)::int AS n FROM notices WHERE body LIKE '%stand-in%'")).toEqual([{ n: 0 }])
})

test('identity is the platform\'s OPENID only: what the event claims does not change who the caller is', async () => {
  // a resident's call that claims the committee's openid in userInfo is still the resident's
  const claimed = (await call({ OPENID: OPENID.resident }, { action: 'notice.publish', payload: { title: '冒充', body: '正文', category: 'notice' }, userInfo: { openId: OPENID.committee } })).reply
  expect(claimed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // any other field that names a caller is not part of the event
  const extra = (await call({ OPENID: OPENID.resident }, { action: 'notice.list', payload: {}, userId: 'u_committee_jj' })).reply
  expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  // a new WeChat user is a new, unverified resident: not staff, whatever the event says
  const stranger = (await call({ OPENID: 'o_someone_new' }, { action: 'notice.publish', payload: { title: '冒充', body: '正文', category: 'notice' }, userInfo: { openId: OPENID.committee } })).reply
  expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const made = await rows("SELECT u.verified, array_agg(r.role) AS roles FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.openid = 'o_someone_new' GROUP BY u.id")
  expect(made).toEqual([{ verified: false, roles: ['resident'] }])
  expect(await rows("SELECT count(*)::int AS n FROM notices WHERE title = '冒充'")).toEqual([{ n: 0 }])
})

test('the timer trigger runs the sweep; a timer-shaped event from a client, a malformed or a huge event write nothing', async () => {
  const timer = { Type: 'Timer', TriggerName: 'reminders', Time: new Date().toISOString(), Message: '' }
  expect((await call({}, timer)).reply).toMatchObject({ ok: true, data: { sent: expect.any(Array) } })
  const before = await rows('SELECT (SELECT count(*) FROM notices)::int AS notices, (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM messages)::int AS messages')
  expect((await call({ OPENID: OPENID.resident }, timer)).reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect((await call({ OPENID: OPENID.resident }, 'notice.list')).reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect((await call({ OPENID: OPENID.resident }, { action: 'notice.list', payload: { limit: 'many' } })).reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  const huge = { action: 'notice.publish', payload: { title: '大', body: 'x'.repeat(1_100_000), category: 'notice' } }
  expect((await call({ OPENID: OPENID.committee }, huge)).reply).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大' } })
  const after = await rows('SELECT (SELECT count(*) FROM notices)::int AS notices, (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM messages)::int AS messages')
  expect(after).toEqual(before)
})

test('the same reads through the HTTP door give the same replies', async () => {
  const server = await startServerProcess({ GONGZHI_DB: url, GONGZHI_SECRET: 'cloud-secret-cloud-secret-cloud-secret', NODE_ENV: 'production', GONGZHI_DEV_LOGIN: '0' })
  try {
    const { token } = await createTokens('cloud-secret-cloud-secret-cloud-secret', systemClock).issue('u_resident_jj1')
    // the cloud sign-in is the cloud door's: over HTTP nobody is resolved from WeChat
    const refused = await fetch(`${server.url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'auth.cloudLogin', payload: {} }) })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '云开发登录只能在微信小程序中使用' } })
    for (const [action, payload] of [['notice.list', {}], ['report.list', { scope: 'mine' }], ['motion.list', {}]] as const) {
      const http = await fetch(`${server.url}/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, payload }),
      }).then((r) => r.json())
      expect([action, (await call({ OPENID: OPENID.resident }, { action, payload })).reply]).toEqual([action, http])
    }
  } finally {
    await server.stop()
  }
})
