/**
 * The WeChat cloud function as it ships: `npm run build:cloud`'s bundle (not the TypeScript), called by a harness
 * the way CloudBase calls it (test/support/cloud/harness.cjs, wx-server-sdk stood in locally), on a PostgreSQL
 * database with the demo seed. Identity is only the platform's OPENID: a resident's, a grid worker's and a
 * committee member's day go through it; what the event claims is not who the caller is; a timer event without
 * a caller runs the reminders sweep and a client cannot fake one; bad events get clear codes and write nothing.
 * The same calls through the HTTP door give the same replies. WeChat's services go through 云调用: the stand-in
 * records each openapi call (labelled standIn) and answers it as the test says (success, an errCode, a throw).
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
// the subscribe template as an operator configures it (same variables as the self-hosted server)
const TEMPLATE = { WECHAT_SUBSCRIBE_TEMPLATE_ID: 'TPL-REPORT', WECHAT_SUBSCRIBE_FIELDS: 'thing1=title,thing4=body,time3=at', WECHAT_SUBSCRIBE_STATE: 'trial' }

/** what the stand-in recorded of one openapi call */
interface OpenapiCall {
  standIn: true
  name: string
  args: Record<string, unknown>
  answer: string
}
/** what the stand-in's openapi calls answer during one call, a queue per name (see test/support/cloud/wx-server-sdk) */
type Answers = Record<string, ({ reply: unknown } | { errCode: number; errMsg?: string } | { throws: string })[]>

interface Reply {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string; message: string }
}

let url: string
let fn: ChildProcessWithoutNullStreams
let lines: AsyncIterableIterator<string>
/** the function's console (consoleLogger), where a channel's failures are logged */
let stderr = ''

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
    // no WECHAT_APPID/SECRET: the cloud function needs none for 云调用
    env: { ...process.env, ...TEMPLATE, NODE_PATH: path.join(ROOT, 'test/support/cloud'), GONGZHI_DB: url, GONGZHI_SECRET: 'cloud-secret-cloud-secret-cloud-secret', NODE_ENV: 'production' },
  })
  fn.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  lines = readline.createInterface({ input: fn.stdout })[Symbol.asyncIterator]()
  expect((await lines.next()).value).toBe('ready')
})

afterAll(async () => {
  fn?.stdin.end()
  await new Promise((r) => fn?.once('exit', r))
})

async function call(wx: Record<string, string>, event: unknown, openapi?: Answers): Promise<{ reply: Reply; openapi: OpenapiCall[] }> {
  fn.stdin.write(`${JSON.stringify({ wx, event, openapi })}\n`)
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
  expect(openapi.filter((c) => c.name === 'security.msgSecCheck')).toEqual([
    { standIn: true, name: 'security.msgSecCheck', args: { openid: OPENID.resident, scene: 3, version: 2, content: description }, answer: 'ok' },
  ])
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
  // no photo is pending in this database: no image check to ask again
  expect(timer.reply).toMatchObject({ ok: true, data: { rechecked: { released: 0, kept: 0, retried: 1 }, imageChecks: 0, photosSwept: 0 } })
  expect(timer.openapi).toContainEqual({ standIn: true, name: 'security.msgSecCheck', args: expect.objectContaining({ openid: OPENID.resident, scene: 3 }), answer: 'errCode -1' })
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

test('first sign-in through the bundled function: a new OPENID has no community until it chooses one, once', async () => {
  const openid = 'o_first_signin'
  const session = await as(openid, 'auth.cloudLogin')
  expect(session).toMatchObject({ ok: true, data: { user: { roles: ['resident'], verified: false, communityId: null } } })
  expect(await as(openid, 'notice.list')).toEqual({ ok: false, error: { code: 'NO_COMMUNITY', message: '请先选择您所在的社区' } })
  const list = await as(openid, 'community.list', { query: '临江' })
  expect(list).toMatchObject({ ok: true, data: { items: [{ id: 'c_linjiang', name: '临江村', streetName: '振兴街道' }], nextCursor: null } })
  const chosen = await as(openid, 'me.chooseCommunity', { communityId: 'c_linjiang' }, 'cloud-choose-1')
  expect(chosen).toMatchObject({ ok: true, data: { communityId: 'c_linjiang', communityName: '临江村' } })
  expect(await as(openid, 'notice.list')).toMatchObject({ ok: true })
  expect(await as(openid, 'me.chooseCommunity', { communityId: 'c_jinjiang' }, 'cloud-choose-2')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  // a committee member (placed by the operator's grant) cannot place themselves elsewhere
  expect(await as(OPENID.committee, 'me.chooseCommunity', { communityId: 'c_linjiang' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await rows("SELECT community_id FROM users WHERE openid = $1", [openid])).toEqual([{ community_id: 'c_linjiang' }])
})

test('the timer trigger runs the sweep; a timer-shaped event from a client, a malformed or a huge event write nothing', async () => {
  const timer = { Type: 'Timer', TriggerName: 'reminders', Time: new Date().toISOString(), Message: '' }
  expect((await call({}, timer)).reply).toMatchObject({ ok: true, data: { sent: expect.any(Array), rechecked: expect.any(Object), imageChecks: 0, photosSwept: 0 } })
  const before = await rows('SELECT (SELECT count(*) FROM notices)::int AS notices, (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM messages)::int AS messages')
  expect((await call({ OPENID: OPENID.resident }, timer)).reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect((await call({ OPENID: OPENID.resident }, 'notice.list')).reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect((await call({ OPENID: OPENID.resident }, { action: 'notice.list', payload: { limit: 'many' } })).reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  const huge = { action: 'notice.publish', payload: { title: '大', body: 'x'.repeat(1_100_000), category: 'notice' } }
  expect((await call({ OPENID: OPENID.committee }, huge)).reply).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大' } })
  const after = await rows('SELECT (SELECT count(*) FROM notices)::int AS notices, (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM messages)::int AS messages')
  expect(after).toEqual(before)
})

const client = (openid: string) => ({ OPENID: openid, SOURCE: 'wx_client' })
const sends = (calls: OpenapiCall[], touser: string) => calls.filter((c) => c.name === 'subscribeMessage.send' && c.args.touser === touser)

test('subscribe messages through cloud.openapi.subscribeMessage.send: a new report reaches the grid worker with the template’s fields', async () => {
  const description = '5栋2单元电梯按钮失灵两天了，老人上下楼很不方便，请尽快安排维修'
  const made = await call(client(OPENID.resident), { action: 'report.create', payload: { category: 'facility', description, gridId: 'g_jj_1' }, requestId: 'cloud-req-0101' })
  expect(made.reply).toMatchObject({ ok: true, data: { status: 'submitted' } })
  const id = made.reply.data?.id as string
  // the in-app message the same change wrote, in China time as the template's time field shows it
  const [msg] = await rows(
    "SELECT title, body, to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS at FROM messages WHERE user_id = 'u_worker_jj1' AND target_id = $1",
    [id],
  )
  const body = String(msg!.body).replace(/\s+/g, ' ')
  // thing fields hold at most 20 characters: the body's first 19 and an ellipsis
  const thing4 = [...body].length > 20 ? `${[...body].slice(0, 19).join('')}…` : body
  expect(sends(made.openapi, OPENID.worker)).toEqual([
    {
      standIn: true,
      name: 'subscribeMessage.send',
      answer: 'ok',
      args: {
        touser: OPENID.worker,
        templateId: 'TPL-REPORT',
        page: `packages/reports/detail/index?id=${id}`,
        miniprogramState: 'trial',
        lang: 'zh_CN',
        data: { thing1: { value: msg!.title }, thing4: { value: thing4 }, time3: { value: msg!.at } },
      },
    },
  ])
})

test('a refused (43101), a rejected (47003) or a failed send is only logged: the change it announces stays', async () => {
  const made = await as(OPENID.resident, 'report.create', { category: 'environment', description: '8栋门口的路灯坏了一个星期，晚上很黑', gridId: 'g_jj_1' }, 'cloud-req-0201')
  const id = made.data?.id as string
  const refused = await call(client(OPENID.worker), { action: 'report.transition', payload: { id, action: 'accept' }, requestId: 'cloud-req-0202' }, {
    'subscribeMessage.send': [{ errCode: 43101, errMsg: 'user refuse to accept the msg' }],
  })
  expect(refused.reply).toMatchObject({ ok: true, data: { status: 'accepted' } })
  expect(sends(refused.openapi, OPENID.resident)).toEqual([expect.objectContaining({ answer: 'errCode 43101', args: expect.objectContaining({ templateId: 'TPL-REPORT' }) })])

  const logged = stderr.length
  const badField = await call(client(OPENID.worker), { action: 'report.transition', payload: { id, action: 'note', note: '已报修，明天上午更换灯泡' }, requestId: 'cloud-req-0203' }, {
    'subscribeMessage.send': [{ errCode: 47003, errMsg: 'argument invalid! data.thing1.value invalid' }],
  })
  expect(badField.reply).toMatchObject({ ok: true })
  const down = await call(client(OPENID.worker), { action: 'report.transition', payload: { id, action: 'resolve', note: '路灯已更换' }, requestId: 'cloud-req-0204' }, {
    'subscribeMessage.send': [{ throws: 'connect ETIMEDOUT' }],
  })
  expect(down.reply).toMatchObject({ ok: true, data: { status: 'resolved' } })
  expect(sends(down.openapi, OPENID.resident)).toEqual([expect.objectContaining({ answer: 'thrown' })])
  // a refusal is normal (not logged); the others are, once each
  await new Promise((r) => setTimeout(r, 50))
  const log = stderr.slice(logged)
  expect(log).toContain('subscribe message not sent')
  expect(log).toContain('47003')
  expect(log).toContain('subscribe message failed')
  expect(log).not.toContain('43101')

  expect(await rows('SELECT status FROM reports WHERE id = $1', [id])).toEqual([{ status: 'resolved' }])
  // the in-app message centre has every message, sent or not
  expect((await rows("SELECT title FROM messages WHERE user_id = 'u_resident_jj1' AND target_id = $1 ORDER BY seq", [id])).map((r) => r.title)).toEqual([
    '您反映的问题已受理',
    '您反映的问题有新进展',
    '您反映的问题已办结，请评价',
  ])
})

test('手机号快速验证 through cloud.openapi.phonenumber.getPhoneNumber sets the verified phone; a used code or an unreachable WeChat changes nothing', async () => {
  const who = client('o_phone_newcomer')
  const phoneOf = async () => rows("SELECT phone, phone_verified FROM users WHERE openid = 'o_phone_newcomer'")
  const used = await call(who, { action: 'me.setPhone', payload: { phoneCode: 'code-used' } }, { 'phonenumber.getPhoneNumber': [{ errCode: 40029, errMsg: 'invalid code' }] })
  expect(used.reply).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '手机号验证已过期，请重新点击获取或直接填写' } })
  const unreachable = await call(who, { action: 'me.setPhone', payload: { phoneCode: 'code-late' } }, { 'phonenumber.getPhoneNumber': [{ throws: 'ESOCKETTIMEDOUT' }] })
  expect(unreachable.reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: '微信服务暂时不可用，请稍后再试或直接填写手机号' } })
  expect(await phoneOf()).toEqual([{ phone: null, phone_verified: false }])

  const phoneInfo = { phoneNumber: '13700001234', purePhoneNumber: '13700001234', countryCode: '86', watermark: { appid: 'wx_test', timestamp: 1700000000 } }
  const ok = await call(who, { action: 'me.setPhone', payload: { phoneCode: 'code-1' } }, { 'phonenumber.getPhoneNumber': [{ reply: { phoneInfo } }] })
  expect(ok.reply).toMatchObject({ ok: true, data: { phone: '13700001234' } })
  expect(ok.openapi).toEqual([{ standIn: true, name: 'phonenumber.getPhoneNumber', args: { code: 'code-1' }, answer: 'ok' }])
  expect(await phoneOf()).toEqual([{ phone: '13700001234', phone_verified: true }])
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
