// Smoke test of the COMPILED weapp output (dist/weapp) in miniprogram-simulate.
// Proves: the built app and its notice pages load under the mini-program Component runtime, render real
// API data (wx.request → the real dispatcher on a SQLite file) into wxml compiled by the official compiler,
// and react to taps (navigation, 已知晓 written to the store).
// Does not prove: the WeChat client itself (Page is mapped to Component and its lifecycle is called by
// hand; no tab bar, no native rendering), nor anything about layout or styles (see test/e2e for those).
import { makeHarness, type Harness } from '../api/support/harness'
import { bootMiniApp, waitFor, type MiniApp } from './support/miniapp'

let h: Harness
let app: MiniApp
let residentSession: { token: string; user: { id: string } }
let wholeId: string

beforeAll(async () => {
  // Tokens belong to the HTTP door (test/api covers them); here a token simply names its user,
  // because jose's Uint8Array checks do not hold across jsdom's realm.
  h = await makeHarness({
    deps: {
      tokens: {
        issue: async (userId) => ({ token: userId, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
        verify: async (token) => token,
      },
    },
  })
  const grids = (await h.sql.all(`SELECT id FROM grids WHERE community_id = (SELECT id FROM communities ORDER BY id LIMIT 1) ORDER BY id`)) as { id: string }[]
  const committee = await h.devLogin({ role: 'committee' })
  const whole = await h.ok<{ id: string }>('notice.publish', { title: '小程序冒烟：全社区重要通知', body: '请确认已知晓。', category: 'safety', important: true, pinned: true }, committee)
  wholeId = whole.id
  await h.ok('notice.publish', { title: '小程序冒烟：只发给别的网格', body: '第一网格的居民看不到。', category: 'notice', gridIds: [grids[1].id] }, committee)
  residentSession = await h.ok('auth.devLogin', { role: 'resident', gridId: grids[0].id })
  app = bootMiniApp(h)
})
afterAll(() => h.close())

test('首页 of the compiled app lists the notices in the resident’s scope, pinned first, and opens one on tap', async () => {
  app.storage.set('gongzhi.session', JSON.stringify(residentSession))
  const page = await app.loadPage('pages/index/index')
  await waitFor(() => page.text().includes('小程序冒烟：全社区重要通知'), 'the notice list')
  expect(app.requests).toContain('notice.list')
  expect(page.text()).not.toContain('只发给别的网格')
  expect(page.text()).toMatch(/\d+ 条未读/)
  expect(page.text()).toContain('需确认')

  page.tap('.gz-notice-card')
  await waitFor(() => app.navigations.length > 0, 'navigation')
  expect(app.navigations.at(-1)).toEqual({ api: 'navigateTo', url: `/packages/notices/detail/index?id=${wholeId}` })
})

test('the compiled detail page (subpackage) records the read and writes 已知晓 on tap', async () => {
  app.storage.set('gongzhi.session', JSON.stringify(residentSession))
  const page = await app.loadPage('packages/notices/detail/index', { id: wholeId })
  await waitFor(() => page.text().includes('请确认已知晓。'), 'the notice body')
  const row = async () =>
    (await h.sql.get('SELECT read_at, confirmed_at FROM notice_reads WHERE notice_id = ? AND user_id = ?', [wholeId, residentSession.user.id])) as
      | { read_at: string | null; confirmed_at: string | null }
      | undefined
  expect((await row())?.read_at).toBeTruthy()
  expect((await row())?.confirmed_at ?? null).toBeNull()

  page.tap('.notice-detail__confirm .gz-btn')
  await waitFor(async () => !!(await row())?.confirmed_at, 'the confirmation in the store')
  await waitFor(() => page.text().includes('已确认知晓'), 'the confirmed state on the page')
})

test('without a session the compiled app sends the person to the login subpackage', async () => {
  // 我的 (a page loads once per process: its webpack chunk is registered only once)
  app.storage.clear()
  app.navigations.length = 0
  await app.loadPage('pages/me/index')
  await waitFor(() => app.navigations.length > 0, 'a redirect')
  expect(app.navigations.at(-1)?.url).toBe('/packages/auth/login/index')
})
