// Smoke test of the COMPILED weapp output (dist/weapp) for issue 4's staff side, in miniprogram-simulate:
// the 待办问题 queue (reports subpackage) and the 消息 centre (messages subpackage) load under the
// mini-program runtime, render real API data (wx.request → the real dispatcher on a SQLite file) and react
// to taps. Like notices.page.test.ts, it proves nothing about the WeChat client itself or about layout.
import { makeHarness, type Harness } from '../api/support/harness'
import { bootMiniApp, waitFor, type MiniApp } from './support/miniapp'

let h: Harness
let app: MiniApp
let worker: { token: string; user: { id: string } }
let resident: { token: string; user: { id: string } }
let reportId: string

beforeAll(async () => {
  // a token simply names its user here (see notices.page.test.ts)
  h = await makeHarness({
    deps: {
      tokens: {
        issue: async (userId) => ({
          token: userId,
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        verify: async (token) => token,
      },
    },
  })
  const grid = (
    (await h.sql.get(`SELECT id FROM grids WHERE community_id = (SELECT id FROM communities ORDER BY id LIMIT 1) ORDER BY id LIMIT 1`)) as { id: string }
  ).id
  resident = await h.ok('auth.devLogin', { role: 'resident', gridId: grid })
  worker = await h.ok('auth.devLogin', { role: 'gridWorker', gridId: grid })
  const report = await h.ok<{ id: string }>(
    'report.create',
    { category: 'facility', description: '小程序冒烟：东门路灯坏了一个星期', gridId: grid },
    resident.user.id,
  )
  reportId = report.id
  await h.ok('report.transition', { id: reportId, action: 'accept' }, worker.user.id)
  app = bootMiniApp(h)
})
afterAll(() => h.close())

test('the compiled 待办问题 page lists the grid worker’s reports with their deadline and opens one on tap', async () => {
  app.storage.set('gongzhi.session', JSON.stringify(worker))
  const page = await app.loadPage('packages/reports/queue/index')
  await waitFor(() => page.text().includes('小程序冒烟：东门路灯坏了一个星期'), 'the queue')
  expect(app.requests).toContain('report.list')
  expect(page.text()).toContain('处理中')
  expect(page.text()).toContain('办结期限')
  app.navigations.length = 0
  page.tap(`.staff-row`)
  await waitFor(() => app.navigations.length > 0, 'navigation')
  expect(app.navigations.at(-1)?.url).toMatch(/^\/packages\/reports\/detail\/index\?id=/)
})

test('the compiled 消息 page shows the unread news of a status change and marks it read on tap', async () => {
  app.storage.set('gongzhi.session', JSON.stringify(resident))
  const page = await app.loadPage('packages/messages/index/index')
  await waitFor(() => /\d+ 条未读/.test(page.text()), 'the unread count')
  const unread = async () =>
    (
      (await h.sql.get('SELECT count(*) AS n FROM messages WHERE user_id = ? AND read_at IS NULL', [resident.user.id])) as { n: number }
    ).n
  const before = await unread()
  expect(before).toBeGreaterThan(0)
  app.navigations.length = 0
  page.tap('.messages__item')
  await waitFor(async () => (await unread()) === before - 1, 'the read in the store')
  await waitFor(() => app.navigations.length > 0, 'navigation')
  expect(app.navigations.at(-1)?.url).toBe(`/packages/reports/detail/index?id=${reportId}`)
})
