// Smoke test of the weapp built for WeChat 云开发 (TARO_APP_CLOUD_ENV, output in dist/weapp-cloud: build-once.js) in
// miniprogram-simulate.
// Proves: the cloud build inits its environment and its single transport seam (callApi) calls
// wx.cloud.callFunction({ name: 'api', data: event }) — never wx.request — with no identity in the event; pages
// render what the cloud door (makeCloudEntry over the real dispatcher, the caller being the OPENID the stand-in says)
// answers; 微信一键登录 asks the function for the session, and someone new goes on to 选择社区 and chooses there.
// Does not prove: the WeChat client or CloudBase itself (wx.cloud is a stand-in that records the calls; Page is
// mapped to Component and its lifecycle is called by hand), nor anything about layout or styles.
import { makeHarness, type Harness } from '../api/support/harness'
import { bootMiniApp, DIST_CLOUD, waitFor, type CloudStandIn, type MiniApp } from './support/miniapp'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMOKE_CLOUD_ENV } = require('./build-once') as { SMOKE_CLOUD_ENV: string }

let h: Harness
let app: MiniApp
let caller = 'o_smoke_resident'
const cloud: CloudStandIn = { openid: () => caller, inits: [], calls: [] }
let residentSession: { token: string; user: { id: string } }

const actions = () => cloud.calls.map((c) => (c.data as { action: string }).action)

beforeAll(async () => {
  // as in notices.page.test.ts: a token simply names its user (jose's Uint8Array checks do not hold across jsdom's
  // realm); on the cloud nothing reads it anyway — the OPENID is the caller
  h = await makeHarness({
    deps: {
      tokens: {
        issue: async (userId) => ({ token: userId, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
        verify: async (token) => token,
      },
    },
  })
  const committee = await h.devLogin({ role: 'committee' })
  await h.ok('notice.publish', { title: '云开发冒烟：停水通知', body: '周六上午停水。', category: 'notice', pinned: true }, committee)
  residentSession = await h.ok('auth.devLogin', { role: 'resident' })
  // what an operator's grant or a first sign-in leaves: the person bound to their WeChat openid
  await h.sql.run('UPDATE users SET openid = ? WHERE id = ?', [caller, residentSession.user.id])
  app = bootMiniApp(h, { dist: DIST_CLOUD, cloud })
})
afterAll(() => h.close())

test('the cloud build inits its 云开发 environment once, at launch', () => {
  expect(cloud.inits).toEqual([{ env: SMOKE_CLOUD_ENV, traceUser: true }])
})

test('首页 loads its notices through wx.cloud.callFunction(api) with the bare event; no HTTP at all', async () => {
  caller = 'o_smoke_resident'
  app.storage.set('gongzhi.session', JSON.stringify(residentSession))
  const page = await app.loadPage('pages/index/index')
  await waitFor(() => page.text().includes('云开发冒烟：停水通知'), 'the notice list from the cloud function')
  const list = cloud.calls.find((c) => (c.data as { action: string }).action === 'notice.list')
  expect(list).toEqual({ name: 'api', data: { action: 'notice.list', payload: expect.any(Object) } })
  for (const c of cloud.calls) {
    expect(c.name).toBe('api')
    // the event carries no identity: no token, no user id, no openid
    expect(Object.keys(c.data as object).sort()).toEqual(expect.arrayContaining(['action', 'payload']))
    expect(Object.keys(c.data as object).every((k) => ['action', 'payload', 'requestId'].includes(k))).toBe(true)
    expect(JSON.stringify(c.data)).not.toContain(residentSession.user.id)
  }
  expect(app.requests).toEqual([])
})

test('someone new: 微信一键登录 takes the session from the function, then 选择社区 lists and takes their choice', async () => {
  caller = 'o_smoke_newcomer'
  app.storage.delete('gongzhi.session')
  cloud.calls.length = 0
  const login = await app.loadPage('packages/auth/login/index')
  await waitFor(() => login.text().includes('微信一键登录'), 'the login page')
  login.tapText('.gz-btn', '微信一键登录')
  await waitFor(() => app.navigations.some((n) => n.url === '/packages/auth/community/index'), 'the way to 选择社区')
  expect(actions()).toEqual(['auth.cloudLogin'])
  const session = JSON.parse(String(app.storage.get('gongzhi.session'))) as { user: { communityId: string | null } }
  expect(session.user.communityId).toBeNull()

  const choose = await app.loadPage('packages/auth/community/index')
  await waitFor(() => choose.text().includes('临江村'), 'the communities from community.list')
  expect(choose.text()).toContain('锦江社区')
  expect(choose.text()).toContain('振兴街道')
  expect(actions()).toContain('community.list')

  choose.tapText('.choose-community__item', '临江村')
  await waitFor(() => choose.text().includes('确认选择'), 'the confirmation')
  choose.tapText('.gz-btn', '确认选择')
  await waitFor(() => app.navigations.at(-1)?.url === '/pages/index/index', 'on to 首页')
  const chosen = cloud.calls.find((c) => (c.data as { action: string }).action === 'me.chooseCommunity')
  expect(chosen).toEqual({ name: 'api', data: { action: 'me.chooseCommunity', payload: { communityId: 'c_linjiang' }, requestId: expect.any(String) } })
  expect(await h.sql.value('SELECT community_id FROM users WHERE openid = ?', ['o_smoke_newcomer'])).toBe('c_linjiang')
  expect(app.requests).toEqual([])
})
