// Smoke test of the COMPILED weapp output (dist/weapp) for 总览's charts (issue 19): the overview subpackage, which
// alone carries the chart library, loads under the mini-program runtime, renders overview.get's figures as text
// and puts a <canvas type="2d"> beside them. It proves the library's code loads and the page renders; the drawing
// itself needs the WeChat client's canvas, which miniprogram-simulate does not have.
import { makeHarness, type Harness } from '../api/support/harness'
import { bootMiniApp, waitFor, type MiniApp } from './support/miniapp'

let h: Harness
let app: MiniApp
let committee: { token: string; user: { id: string } }

beforeAll(async () => {
  // a token simply names its user here (see notices.page.test.ts)
  h = await makeHarness({
    deps: {
      tokens: {
        issue: async (userId) => ({ token: userId, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
        verify: async (token) => token,
      },
    },
  })
  const grid = (
    (await h.sql.get(`SELECT id FROM grids WHERE community_id = (SELECT id FROM communities ORDER BY id LIMIT 1) ORDER BY id LIMIT 1`)) as { id: string }
  ).id
  // a verified resident: the roster's verified share (群众参与) has something to chart
  await h.ok('auth.devLogin', { role: 'resident', gridId: grid, verified: true })
  committee = await h.ok('auth.devLogin', { role: 'committee' })
  app = bootMiniApp(h)
})
afterAll(() => h.close())

test('the compiled 总览 page shows the figures as text with the charts’ 2D canvases beside them', async () => {
  app.storage.set('gongzhi.session', JSON.stringify(committee))
  const page = await app.loadPage('packages/overview/index')
  await waitFor(() => page.text().includes('本期共收到问题'), 'the figures')
  expect(app.requests).toContain('overview.get')
  expect(page.text()).toMatch(/本期共收到问题 \d+ 件/)
  expect(page.text()).toMatch(/已认证住户（占花名册）\d/)
  // the per-day line (a row per day, zeros too) and the participation bars
  await waitFor(() => page.count('.overview-chart__canvas') === 2, 'the trend and participation charts')
})
