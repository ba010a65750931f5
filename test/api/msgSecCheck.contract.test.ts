// WeChat's text check (msgSecCheck v2) against a local stub server that answers the way WeChat does: /cgi-bin/token
// and /wxa/msg_sec_check on 127.0.0.1. Each answer WeChat may give is shown with the verdict the adapter makes of it;
// the cloud transport is shown with a fake `cloud.openapi` answering as wx-server-sdk does.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { wordListCheck } from '../../cloud/adapters/contentCheck/wordList'
import { systemClock } from '../../cloud/adapters/system/clock'
import { wechatAccessToken } from '../../cloud/adapters/wechat/accessToken'
import { CONTENT_LIMIT, msgSecCheck, piecesOf, verdictOf, type MsgSecCheckTransport } from '../../cloud/adapters/wechat/msgSecCheck'
import { cloudMsgSecCheck } from '../../cloud/adapters/wechat/msgSecCheckCloud'
import { httpMsgSecCheck } from '../../cloud/adapters/wechat/msgSecCheckHttp'
import { configFromEnv, createDeps } from '../../cloud/compose'
import type { ContentCheck, UserRecord } from '../../cloud/shared/ports'
import { makeHarness } from './support/harness'

interface Call {
  accessToken: string | null
  body: { openid: string; scene: number; version: number; content: string }
}
/** what the stub answers to the next checks, in order ('hang': no answer at all; 'broken': HTTP 500, not JSON); then pass */
type Answer = Record<string, unknown> | 'hang' | 'broken'

let stub: http.Server
let base: string
let calls: Call[] = []
let answers: Answer[] = []
let tokens = 0
const PASS = { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 't' }

beforeAll(async () => {
  stub = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    res.setHeader('content-type', 'application/json')
    if (url.pathname === '/cgi-bin/token') return res.end(JSON.stringify({ access_token: `AT${++tokens}`, expires_in: 7200 }))
    if (url.pathname === '/wxa/msg_sec_check' && req.method === 'POST') {
      let raw = ''
      req.on('data', (d) => (raw += d))
      req.on('end', () => {
        calls.push({ accessToken: url.searchParams.get('access_token'), body: JSON.parse(raw) as Call['body'] })
        const answer = answers.shift() ?? PASS
        if (answer === 'hang') return // the connection stays open: only the adapter's timeout ends the wait
        if (answer === 'broken') {
          res.statusCode = 500
          return res.end('<html>upstream error</html>')
        }
        res.end(JSON.stringify(answer))
      })
      return
    }
    res.statusCode = 404
    res.end('{}')
  })
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
})
afterAll(() => {
  stub.closeAllConnections()
  return new Promise<void>((r) => stub.close(() => r()))
})
beforeEach(() => {
  calls = []
  answers = []
  tokens = 0
})

const openids: Record<string, string | null> = { u_wang: 'openid-wang', u_dev: null }
const users = { get: async (id: string) => (id in openids ? ({ id, openid: openids[id] } as UserRecord) : null) }
const warnings: unknown[] = []
const log = { error: () => undefined, warn: (o: unknown) => warnings.push(o) }

function checker(timeoutMs = 1000): ContentCheck {
  const cfg = { apiBase: base, appid: 'wx-app', secret: 's', timeoutMs: 5000 }
  const transport = httpMsgSecCheck(cfg, wechatAccessToken(cfg, systemClock))
  return msgSecCheck(transport, { users, wordList: wordListCheck(), timeoutMs, log })
}
const asWang = { userId: 'u_wang', scene: 'report' as const }

test('pass: the request is v2 with the author’s openid, the scene and the text; the token is fetched once and kept', async () => {
  const check = checker()
  expect(await check.check(['楼道灯坏了', ''], asWang)).toEqual({ suggest: 'pass' })
  expect(await check.check(['周六上午在广场义诊'], { userId: 'u_wang', scene: 'notice' })).toEqual({ suggest: 'pass' })
  await check.check(['同意'], { userId: 'u_wang', scene: 'comment' })
  await check.check(['王大爷'], { userId: 'u_wang', scene: 'profile' })
  expect(calls[0]).toEqual({ accessToken: 'AT1', body: { openid: 'openid-wang', scene: 3, version: 2, content: '楼道灯坏了' } })
  // 资料 1, 评论 2, 论坛 3 (notices and reports)
  expect(calls.map((c) => c.body.scene)).toEqual([3, 3, 2, 1])
  expect(calls.map((c) => c.accessToken)).toEqual(['AT1', 'AT1', 'AT1', 'AT1'])
  expect(tokens).toBe(1)
})

test('review and risky are read from result.suggest, with errcode 0', async () => {
  const check = checker()
  answers = [
    { errcode: 0, errmsg: 'ok', result: { suggest: 'review', label: 20006 } },
    { errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20001 } },
  ]
  expect(await check.check(['有人在楼下聚众'], asWang)).toEqual({ suggest: 'review', label: '违法犯罪（20006）' })
  expect(await check.check(['……'], asWang)).toEqual({ suggest: 'risky', label: '时政（20001）' })
})

test.each([
  [43101, 'user refuse to accept the msg'],
  [47003, 'argument invalid!'],
  [61010, 'user access log timeout'],
  [-1, 'system error'],
])('errcode %i is unavailable, never a pass', async (errcode, errmsg) => {
  answers = [{ errcode, errmsg }]
  const verdict = await checker().check(['楼道灯坏了'], asWang)
  expect(verdict).toEqual({ suggest: 'unavailable', reason: `errcode ${errcode} ${errmsg}` })
})

test('an answer without result.suggest, or not JSON, is unavailable', async () => {
  answers = [{ errcode: 0, errmsg: 'ok' }, 'broken']
  const check = checker()
  expect(await check.check(['a'], asWang)).toMatchObject({ suggest: 'unavailable', reason: 'no result.suggest in the answer' })
  expect(await check.check(['b'], asWang)).toMatchObject({ suggest: 'unavailable' })
})

test('40001 (token invalid): a new token is fetched once and the check repeated; twice in a row is unavailable', async () => {
  const check = checker()
  answers = [{ errcode: 40001, errmsg: 'invalid credential' }, { errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20002 } }]
  expect(await check.check(['x'], asWang)).toMatchObject({ suggest: 'risky' })
  expect(calls.map((c) => c.accessToken)).toEqual(['AT1', 'AT2'])
  expect(tokens).toBe(2)

  answers = [{ errcode: 42001, errmsg: 'access_token expired' }, { errcode: 40001, errmsg: 'invalid credential' }]
  expect(await check.check(['y'], asWang)).toMatchObject({ suggest: 'unavailable', reason: 'errcode 40001 invalid credential' })
  expect(calls.slice(2).map((c) => c.accessToken)).toEqual(['AT2', 'AT3'])
})

test('no answer in time is unavailable after the bounded timeout', async () => {
  answers = ['hang']
  const started = Date.now()
  const verdict = await checker(300).check(['楼道灯坏了'], asWang)
  expect(verdict).toEqual({ suggest: 'unavailable', reason: 'no answer within 300 ms' })
  expect(Date.now() - started).toBeLessThan(2000)
  expect(warnings).toContainEqual(expect.objectContaining({ reason: 'no answer within 300 ms' }))
})

test('WeChat down altogether (no token, nothing listening) is unavailable', async () => {
  const cfg = { apiBase: 'http://127.0.0.1:9', appid: 'a', secret: 's', timeoutMs: 500 }
  const down = msgSecCheck(httpMsgSecCheck(cfg, wechatAccessToken(cfg, systemClock)), {
    users,
    wordList: wordListCheck(),
  })
  expect(await down.check(['楼道灯坏了'], asWang)).toMatchObject({ suggest: 'unavailable' })
})

test('the word list runs too: the stricter verdict wins; a risky word is refused even while WeChat is unavailable', async () => {
  const check = checker()
  expect(await check.check(['这里有人赌博'], asWang)).toEqual({ suggest: 'risky', label: '赌博' })
  answers = [{ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } }]
  expect(await check.check(['小区里有人搞传销'], asWang)).toEqual({ suggest: 'review', label: '传销' })
  answers = [{ errcode: -1, errmsg: 'system error' }]
  expect(await check.check(['这里有人赌博'], asWang)).toEqual({ suggest: 'risky', label: '赌博' })
  answers = [{ errcode: -1, errmsg: 'system error' }]
  expect(await check.check(['小区里有人搞传销'], asWang)).toMatchObject({ suggest: 'unavailable' })
})

test('a user without an openid (dev login, demo users) is checked by the word list alone; empty text is not sent', async () => {
  const check = checker()
  expect(await check.check(['这里有人赌博'], { userId: 'u_dev', scene: 'comment' })).toMatchObject({ suggest: 'risky' })
  expect(await check.check(['同意'], { userId: 'u_dev', scene: 'comment' })).toEqual({ suggest: 'pass' })
  expect(await check.check(['同意'], { userId: 'u_not_yet_created', scene: 'profile' })).toEqual({ suggest: 'pass' })
  expect(await check.check(['', '  '], asWang)).toEqual({ suggest: 'pass' })
  expect(calls).toEqual([])
})

test(`text longer than ${CONTENT_LIMIT} characters is checked in overlapping pieces; one risky piece makes it risky`, async () => {
  const long = '通知正文'.repeat(1500) // 6,000 characters
  answers = [PASS, { errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20012 } }, PASS]
  expect(await checker().check(['标题', long], { userId: 'u_wang', scene: 'notice' })).toMatchObject({ suggest: 'risky' })
  expect(calls).toHaveLength(3)
  expect(calls.every((c) => c.body.content.length <= CONTENT_LIMIT)).toBe(true)
  // every character is in some piece, and pieces overlap
  const pieces = piecesOf(`标题\n${long}`)
  expect(calls.map((c) => c.body.content).sort()).toEqual([...pieces].sort())
  expect(pieces[1]!.startsWith(pieces[0]!.slice(-32))).toBe(true)
})

test('pieces never split a surrogate pair (emoji)', () => {
  const text = '😀'.repeat(3000) // 6,000 UTF-16 units
  const pieces = piecesOf(text, 2501, 31)
  for (const p of pieces) {
    expect(p.length).toBeLessThanOrEqual(2501)
    expect([...p].every((ch) => ch === '😀')).toBe(true)
  }
  expect(pieces.join('').length).toBeGreaterThanOrEqual(text.length)
})

test('verdictOf: the one mapping of an answer', () => {
  expect(verdictOf({ errcode: 0, result: { suggest: 'pass', label: 100 } })).toEqual({ suggest: 'pass' })
  expect(verdictOf({ result: { suggest: 'review', label: 99999 } })).toEqual({ suggest: 'review', label: '其他（99999）' })
  expect(verdictOf({ errcode: 0, result: { suggest: 'risky' } })).toEqual({ suggest: 'risky' })
  expect(verdictOf({ errcode: 0, result: { suggest: 'maybe' } })).toMatchObject({ suggest: 'unavailable' })
  expect(verdictOf({ errcode: 87014, errmsg: 'risky content', result: { suggest: 'pass' } })).toMatchObject({ suggest: 'unavailable' })
})

describe('the cloud transport (cloud.openapi.security.msgSecCheck)', () => {
  function cloudChecker(answer: (args: unknown) => Promise<unknown>): { check: ContentCheck; args: unknown[] } {
    const args: unknown[] = []
    const transport: MsgSecCheckTransport = cloudMsgSecCheck({
      security: {
        msgSecCheck: (a) => {
          args.push(a)
          return answer(a)
        },
      },
    })
    return { check: msgSecCheck(transport, { users, wordList: wordListCheck(), timeoutMs: 300 }), args }
  }

  test('is called with openid, scene, version 2 and content; camel-cased answers are read as the HTTPS ones', async () => {
    const risky = cloudChecker(async () => ({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'risky', label: 20001 } }))
    expect(await risky.check.check(['某段文字'], { userId: 'u_wang', scene: 'comment' })).toEqual({ suggest: 'risky', label: '时政（20001）' })
    expect(risky.args).toEqual([{ openid: 'openid-wang', scene: 2, version: 2, content: '某段文字' }])
    const pass = cloudChecker(async () => ({ errCode: 0, errMsg: 'ok', result: { suggest: 'pass', label: 100 } }))
    expect(await pass.check.check(['x'], asWang)).toEqual({ suggest: 'pass' })
  })

  test('a rejection with an errCode, a rejection without one and no answer in time are unavailable', async () => {
    const refused = cloudChecker(async () => Promise.reject(Object.assign(new Error('openapi fail'), { errCode: 47003, errMsg: 'argument invalid' })))
    expect(await refused.check.check(['x'], asWang)).toEqual({ suggest: 'unavailable', reason: 'errcode 47003 argument invalid' })
    const network = cloudChecker(async () => Promise.reject(new Error('ECONNRESET')))
    expect(await network.check.check(['x'], asWang)).toEqual({ suggest: 'unavailable', reason: 'ECONNRESET' })
    const slow = cloudChecker(() => new Promise(() => undefined))
    expect(await slow.check.check(['x'], asWang)).toEqual({ suggest: 'unavailable', reason: 'no answer within 300 ms' })
    const empty = cloudChecker(async () => ({ errCode: 0, errMsg: 'ok' }))
    expect(await empty.check.check(['x'], asWang)).toMatchObject({ suggest: 'unavailable' })
  })
})

test('composition: msgSecCheck when WeChat is configured (GONGZHI_CONTENT_CHECK=wordlist keeps the word list alone)', async () => {
  expect(configFromEnv({}).contentCheck).toBe('wechat')
  expect(configFromEnv({ GONGZHI_CONTENT_CHECK: 'WordList' }).contentCheck).toBe('wordList')
  expect(() => configFromEnv({ GONGZHI_CONTENT_CHECK: 'off' })).toThrow(/GONGZHI_CONTENT_CHECK/)
  const h = await makeHarness()
  try {
    await h.sql.run("UPDATE users SET openid = 'openid-wang' WHERE id = 'u_resident_jj1'")
    const wechat = { apiBase: base, appid: 'wx-app', secret: 's' }
    const common = { devLogin: false, secret: 'test-secret-test-secret-test-secret' }
    const configured = await createDeps(h.store, { ...common, wechat })
    answers = [{ errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20002 } }]
    expect(await configured.contentCheck.check(['x'], { userId: 'u_resident_jj1', scene: 'comment' })).toMatchObject({ suggest: 'risky' })
    expect(calls.map((c) => c.body)).toEqual([{ openid: 'openid-wang', scene: 2, version: 2, content: 'x' }])
    // one access_token per process, shared with the other WeChat calls (a second fetch would end the first's life)
    await expect(configured.wechatPhone!.phoneNumber('code')).rejects.toThrow('获取微信手机号失败')
    expect(tokens).toBe(1)
    for (const config of [{ ...common, wechat, contentCheck: 'wordList' as const }, { ...common, wechat: null }]) {
      const local = await createDeps(h.store, config)
      expect(await local.contentCheck.check(['x'], { userId: 'u_resident_jj1', scene: 'comment' })).toEqual({ suggest: 'pass' })
    }
    expect(calls).toHaveLength(1)
  } finally {
    await h.close()
  }
})
