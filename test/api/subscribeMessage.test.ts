// WeChat subscribe messages as the second channel of report notifications: against a local stub of
// /cgi-bin/token and /cgi-bin/message/subscribe/send, through the dispatcher on SQLite. The cloud function's
// transport (云调用) is in wechatCloudOpenapi.test.ts; both send what one builder makes (last tests here).
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ReportView } from '@/domain/reports'
import { cloudSubscribeNotifier, type CloudOpenapi } from '../../cloud/adapters/wechat/cloudOpenapi'
import { fieldValue, parseSubscribeFields, type SubscribeTemplate, wechatSubscribeNotifier } from '../../cloud/adapters/wechat/subscribeMessage'
import { makeHarness, type Harness } from './support/harness'

interface Sent {
  accessToken: string | null
  body: { touser: string; template_id: string; page: string; miniprogram_state: string; lang: string; data: Record<string, { value: string }> }
}

let stub: http.Server
let base: string
let sent: Sent[] = []
let tokens = 0
/** what the stub answers to the next send calls, in order; then ok */
let answers: { errcode: number; errmsg: string }[] = []

beforeAll(async () => {
  stub = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    res.setHeader('content-type', 'application/json')
    if (url.pathname === '/cgi-bin/token') return res.end(JSON.stringify({ access_token: `AT${++tokens}`, expires_in: 7200 }))
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let raw = ''
      req.on('data', (d) => (raw += d))
      req.on('end', () => {
        sent.push({ accessToken: url.searchParams.get('access_token'), body: JSON.parse(raw) as Sent['body'] })
        res.end(JSON.stringify(answers.shift() ?? { errcode: 0, errmsg: 'ok' }))
      })
      return
    }
    res.statusCode = 404
    res.end('{}')
  })
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => stub.close(() => r())))

const template: SubscribeTemplate = { id: 'TPL-REPORT', fields: parseSubscribeFields('thing1=title, thing4=body ,time3=at'), state: 'trial' }
let h: Harness
let notifier: ReturnType<typeof wechatSubscribeNotifier>
const warnings: unknown[] = []
beforeEach(async () => {
  sent = []
  answers = []
  tokens = 0
  warnings.length = 0
  h = await makeHarness()
  notifier = wechatSubscribeNotifier(
    { apiBase: base, appid: 'wx-app', secret: 's' },
    template,
    { clock: h.clock, users: h.store.users, log: { error: () => undefined, warn: (o) => warnings.push(o) } },
  )
  h.deps.notifiers = [notifier]
  await h.sql.run("UPDATE users SET openid = 'openid-of-wang' WHERE id = 'u_resident_jj1'")
})
afterEach(() => h.close())

async function reportAndAccept(): Promise<ReportView> {
  const report = await h.ok<ReportView>(
    'report.create',
    { category: 'environment', description: '3栋楼下的垃圾已经堆了三天，气味很大，请尽快清运', gridId: 'g_jj_1' },
    'u_resident_jj1',
  )
  return h.ok<ReportView>('report.transition', { id: report.id, action: 'accept' }, 'u_worker_jj1')
}

test('a status change reaches the reporter as a subscribe message with the template’s fields', async () => {
  const accepted = await reportAndAccept()
  // the new-report message went to the grid worker, who has no openid: nothing sent for it
  expect(sent).toHaveLength(1)
  const { accessToken, body } = sent[0]!
  expect(accessToken).toBe('AT1')
  expect(body).toMatchObject({
    touser: 'openid-of-wang',
    template_id: 'TPL-REPORT',
    page: `packages/reports/detail/index?id=${accepted.id}`,
    miniprogram_state: 'trial',
  })
  expect(body.data.thing1!.value).toBe('您反映的问题已受理')
  // thing fields hold at most 20 characters
  expect([...body.data.thing4!.value].length).toBeLessThanOrEqual(20)
  expect(body.data.thing4!.value.endsWith('…')).toBe(true)
  // 2025-03-01T02:00Z is 10:00 in China
  expect(body.data.time3!.value).toBe('2025-03-01 10:00')
})

test('a message opens the page of what it is about: a vote result its motion, a shift its shift (not a report page)', async () => {
  await notifier.notify([
    { userId: 'u_resident_jj1', title: '表决结果已公布', body: '「东门充电棚选址」获得通过', target: { type: 'motion', id: 'm1' }, at: h.clock.now().toISOString() },
    { userId: 'u_resident_jj1', title: '巡逻提醒', body: '明天 19:00 夜间治安巡逻', target: { type: 'shift', id: 's1' }, at: h.clock.now().toISOString() },
    { userId: 'u_resident_jj1', title: '通知', body: '无关联', target: null, at: h.clock.now().toISOString() },
  ])
  expect(sent.map((s) => s.body.page)).toEqual(['packages/motions/detail/index?id=m1', 'packages/patrols/detail/index?id=s1', 'pages/index/index'])
})

test('a refused consent (43101) is counted, not logged; an expired token is replaced once; other errors are logged', async () => {
  answers = [{ errcode: 43101, errmsg: 'user refuse to accept the msg' }]
  const accepted = await reportAndAccept()
  expect(notifier.refused()).toBe(1)
  expect(warnings).toEqual([])

  answers = [{ errcode: 42001, errmsg: 'access_token expired' }]
  await h.ok('report.transition', { id: accepted.id, action: 'note', note: '已联系环卫公司，今天下午清运' }, 'u_worker_jj1')
  expect(sent.slice(1).map((s) => s.accessToken)).toEqual(['AT1', 'AT2'])

  answers = [{ errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' }]
  const resolved = await h.ok<ReportView>('report.transition', { id: accepted.id, action: 'resolve', note: '已清运完毕' }, 'u_worker_jj1')
  expect(resolved.status).toBe('resolved')
  expect(warnings).toEqual([expect.objectContaining({ errcode: 47003 })])
})

test('a report closing by itself 7 days after 办结 is announced on the channel too', async () => {
  const accepted = await reportAndAccept()
  await h.ok('report.transition', { id: accepted.id, action: 'resolve', note: '已清运完毕' }, 'u_worker_jj1')
  sent = []
  h.clock.advance(7 * 24 * 3600_000 + 60_000)
  await h.ok('report.list', { scope: 'mine' }, 'u_resident_jj1')
  expect(sent.map((s) => [s.body.touser, s.body.data.thing1!.value])).toEqual([['openid-of-wang', '您反映的问题已结案']])
})

test('a channel that is down never undoes the change', async () => {
  const down = wechatSubscribeNotifier(
    { apiBase: 'http://127.0.0.1:9', appid: 'wx-app', secret: 's', timeoutMs: 500 },
    { id: 'TPL', fields: { thing1: 'title' }, state: 'formal' },
    { clock: h.clock, users: h.store.users, log: { error: () => undefined, warn: (o) => warnings.push(o) } },
  )
  h.deps.notifiers = [down]
  const accepted = await reportAndAccept()
  expect(accepted.status).toBe('accepted')
  expect(warnings.length).toBeGreaterThan(0)
})

test('the HTTPS body and the cloud call carry the same message: one builder, two transports', async () => {
  const cloudSent: Parameters<CloudOpenapi['subscribeMessage']['send']>[0][] = []
  const send: CloudOpenapi['subscribeMessage']['send'] = async (args) => {
    cloudSent.push(args)
    return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
  }
  const cloud = cloudSubscribeNotifier({ subscribeMessage: { send } }, template, {
    users: h.store.users,
    log: { error: () => undefined, warn: (o) => warnings.push(o) },
  })
  const message = { userId: 'u_resident_jj1', title: '您反映的问题已办结，请评价', body: '环境卫生「3栋楼下的垃圾已经堆了三天，气味很大，请尽快清运」\n已清运', target: { type: 'report' as const, id: 'r1' }, at: '2025-03-01T02:00:00.000Z' }
  await notifier.notify([message])
  await cloud.notify([message])
  const c = cloudSent[0]!
  expect(sent[0]!.body).toEqual({ touser: c.touser, template_id: c.templateId, page: c.page, miniprogram_state: c.miniprogramState, lang: c.lang, data: c.data })
  expect(c).toMatchObject({ touser: 'openid-of-wang', templateId: 'TPL-REPORT', page: 'packages/reports/detail/index?id=r1', miniprogramState: 'trial' })
  expect(warnings).toEqual([])
})

test('WECHAT_SUBSCRIBE_FIELDS is checked when the server starts', () => {
  expect(parseSubscribeFields('thing1=title,time2=at')).toEqual({ thing1: 'title', time2: 'at' })
  expect(() => parseSubscribeFields('')).toThrow(/empty/)
  expect(() => parseSubscribeFields('thing1=name')).toThrow(/thing1=name/)
  expect(() => parseSubscribeFields('1thing=title')).toThrow()
})

test('field values follow WeChat’s limits', () => {
  const m = { userId: 'u', title: '标题', body: '  多个\n空白   合并 ', target: null, at: '2025-10-01T16:30:00.000Z' }
  expect(fieldValue('thing2', m, 'body')).toBe('多个 空白 合并')
  expect(fieldValue('time5', m, 'at')).toBe('2025-10-02 00:30')
  expect(fieldValue('thing1', { ...m, title: '' }, 'title')).toBe('-')
})
