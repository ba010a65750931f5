// WeChat's services through 云调用 (cloud/adapters/wechat/cloudOpenapi.ts): the cloud function's subscribe messages
// and 手机号快速验证, with cloud.openapi answered the way wx-server-sdk answers (a reply with errCode 0; a
// CloudSDKError carrying WeChat's errCode; a plain error when WeChat was not reached). Through the dispatcher on the
// harness's store; the bundled function itself is run in test/postgres/cloudFunction.test.ts.
import type { Me } from '@/domain/auth'
import type { ReportView } from '@/domain/reports'
import { cloudErrCode, cloudPhoneNumber, cloudSubscribeNotifier, type CloudOpenapi } from '../../cloud/adapters/wechat/cloudOpenapi'
import { parseSubscribeFields, subscribeSendOf, type SubscribeTemplate } from '../../cloud/adapters/wechat/subscribeMessage'
import { makeHarness, type Harness } from './support/harness'

/** wx-server-sdk's error when WeChat answers an errcode */
const sdkError = (errCode: number, errMsg: string) => Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode, errMsg })

type Answer = () => Promise<unknown>
const ok = (reply: object = {}): Answer => async () => ({ errCode: 0, errMsg: 'ok', ...reply })
const fails = (err: unknown): Answer => async () => Promise.reject(err)

let h: Harness
const warnings: unknown[] = []
const template: SubscribeTemplate = { id: 'TPL-REPORT', fields: parseSubscribeFields('thing1=title,thing4=body,time3=at'), state: 'developer' }
let sent: unknown[] = []
let answers: Answer[] = []
const openapi = {
  subscribeMessage: {
    send: async (args: unknown) => {
      sent.push(args)
      return (answers.shift() ?? ok())()
    },
  },
  phonenumber: {
    getPhoneNumber: async (args: { code: string }) => {
      sent.push(args)
      return (answers.shift() ?? ok())()
    },
  },
} as unknown as CloudOpenapi

beforeEach(async () => {
  sent = []
  answers = []
  warnings.length = 0
  h = await makeHarness()
  h.deps.notifiers = [cloudSubscribeNotifier(openapi, template, { users: h.store.users, log: { error: () => undefined, warn: (o) => warnings.push(o) } })]
  h.deps.wechatPhone = cloudPhoneNumber(openapi)
  await h.sql.run("UPDATE users SET openid = 'openid-of-wang' WHERE id = 'u_resident_jj1'")
})
afterEach(() => h.close())

async function reportAndAccept(): Promise<ReportView> {
  const report = await h.ok<ReportView>('report.create', { category: 'environment', description: '3栋楼下的垃圾已经堆了三天，气味很大，请尽快清运', gridId: 'g_jj_1' }, 'u_resident_jj1')
  return h.ok<ReportView>('report.transition', { id: report.id, action: 'accept' }, 'u_worker_jj1')
}

describe('subscribeMessage.send', () => {
  test('the cloud call carries the very message the HTTPS channel sends, in the call’s camelCase', async () => {
    const accepted = await reportAndAccept()
    expect(sent).toEqual([
      {
        touser: 'openid-of-wang',
        templateId: 'TPL-REPORT',
        page: `packages/reports/detail/index?id=${accepted.id}`,
        miniprogramState: 'developer',
        lang: 'zh_CN',
        data: { thing1: { value: '您反映的问题已受理' }, thing4: { value: '环境卫生「3栋楼下的垃圾已经堆了三天，…' }, time3: { value: '2025-03-01 10:00' } },
      },
    ])
    // one builder for both transports: the HTTPS body is the same message under WeChat's snake_case names
    const message = { userId: 'u_resident_jj1', title: '您反映的问题已受理', body: '环境卫生「3栋楼下的垃圾已经堆了三天，气味很大」', target: { type: 'report' as const, id: accepted.id }, at: '2025-03-01T02:00:00.000Z' }
    expect(subscribeSendOf(template, message, 'openid-of-wang')).toEqual(sent[0])
  })

  test('43101 (not subscribed) is counted, not logged; 47003 and -1 are logged; a send that never reached WeChat is logged; none undoes the change', async () => {
    const notifier = h.deps.notifiers[0] as ReturnType<typeof cloudSubscribeNotifier>
    answers = [fails(sdkError(43101, 'user refuse to accept the msg'))]
    const accepted = await reportAndAccept()
    expect(notifier.refused()).toBe(1)
    expect(warnings).toEqual([])

    answers = [fails(sdkError(47003, 'argument invalid! data.thing1.value invalid'))]
    await h.ok('report.transition', { id: accepted.id, action: 'note', note: '已联系环卫公司' }, 'u_worker_jj1')
    // an SDK that answers the errcode instead of rejecting is read the same way
    answers = [async () => ({ errCode: -1, errMsg: 'system error' })]
    await h.ok('report.transition', { id: accepted.id, action: 'note', note: '下午清运' }, 'u_worker_jj1')
    answers = [fails(new Error('connect ETIMEDOUT'))]
    const resolved = await h.ok<ReportView>('report.transition', { id: accepted.id, action: 'resolve', note: '已清运完毕' }, 'u_worker_jj1')
    expect(resolved.status).toBe('resolved')
    expect(warnings).toEqual([
      expect.objectContaining({ errcode: 47003 }),
      expect.objectContaining({ errcode: -1 }),
      { err: expect.stringContaining('ETIMEDOUT') },
    ])
    expect(notifier.refused()).toBe(1)
  })
})

describe('phonenumber.getPhoneNumber', () => {
  const newcomer = () => h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_1' })

  test('the code becomes the verified number; the same answers mean the same as over HTTPS', async () => {
    const who = await newcomer()
    answers = [ok({ phoneInfo: { phoneNumber: '13700001234', purePhoneNumber: '13700001234', countryCode: '86' } })]
    expect(await h.ok<Me>('me.setPhone', { phoneCode: 'c1' }, who)).toMatchObject({ phone: '13700001234' })
    expect(sent).toEqual([{ code: 'c1' }])
    expect(await h.sql.all('SELECT phone, phone_verified FROM users WHERE id = ?', [who])).toEqual([{ phone: '13700001234', phone_verified: 1 }])

    const cases: [Answer, string, string][] = [
      [fails(sdkError(40029, 'invalid code')), 'INVALID_INPUT', '手机号验证已过期，请重新点击获取或直接填写'],
      [fails(sdkError(-1, 'system error')), 'INTERNAL', '获取微信手机号失败（-1），请直接填写'],
      [fails(new Error('ESOCKETTIMEDOUT')), 'INTERNAL', '微信服务暂时不可用，请稍后再试或直接填写手机号'],
      [ok({}), 'INTERNAL', '获取微信手机号失败，请直接填写'],
      // a number that is not a mainland mobile is not taken
      [ok({ phoneInfo: { phoneNumber: '+1 2025550123', purePhoneNumber: '2025550123', countryCode: '1' } }), 'INVALID_INPUT', '微信返回的不是大陆手机号，请直接填写'],
    ]
    for (const [answer, code, message] of cases) {
      answers = [answer]
      expect(await h.call('me.setPhone', { phoneCode: 'again' }, who)).toMatchObject({ ok: false, error: { code, message } })
    }
    expect((await h.ok<Me>('me.get', {}, who)).phone).toBe('13700001234')
  })

  test('cloudErrCode reads the SDK error’s errCode (number or digits) and nothing else', () => {
    expect(cloudErrCode(sdkError(43101, 'x'))).toBe(43101)
    expect(cloudErrCode({ errCode: '-501001' })).toBe(-501001)
    expect(cloudErrCode(new Error('errCode: 43101'))).toBeNull()
    expect(cloudErrCode({ errCode: 'abc' })).toBeNull()
    expect(cloudErrCode(null)).toBeNull()
  })
})
