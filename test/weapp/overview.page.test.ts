// Smoke test of the COMPILED weapp output (dist/weapp) for 总览's charts (issue 19): the overview subpackage, which
// alone carries the chart library, loads under the mini-program runtime, renders overview.get's figures as text
// and puts a <canvas type="2d"> beside them. It proves the library's code loads and the page renders; the drawing
// itself needs the WeChat client's canvas, which miniprogram-simulate does not have.
import { presetPeriod, type Overview } from '@/domain/overview'
import { categoryChart, onTimeChart, participationChart, satisfactionChart } from '@/features/overview/charts'
import { hoursChart, splitChart } from '@/features/overview/splitCharts'
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
  const today = new Date().toISOString()
  // a report of today by the page's clock (its default period is this month on the device): the trend has a category to stack
  await h.store.reports.create(
    {
      id: 'r_weapp_1', communityId: 'c_jinjiang', streetId: 'st_zhenxing', districtId: 'd_binjiang', cityId: 'ct_jiangcheng', gridId: grid, reporterId: committee.user.id,
      category: 'environment', description: '楼道堆物', latitude: null, longitude: null, address: null, coordSource: null, anonymous: false,
      visibility: 'private', moderation: 'clean', assigneeId: null, acceptBy: today, resolveBy: today, createdAt: today,
    },
    [], [], null,
  )
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
  // a canvas per chart with rows in the reply: the stacked trend, categories, participation (and any other with rows)
  const o = await h.ok<Overview>('overview.get', { ...presetPeriod('thisMonth', new Date()), bucket: 'day' }, committee.user.id)
  const charts = [splitChart(o, 'category'), categoryChart(o), hoursChart(o, 'accept'), hoursChart(o, 'resolve'), onTimeChart(o), satisfactionChart(o), participationChart(o)]
  expect(charts[0]!.rows.map((r) => r.series)).toContain('环境卫生')
  const drawn = charts.filter((c) => c.rows.length > 0).length
  expect(drawn).toBeGreaterThanOrEqual(3)
  await waitFor(() => page.count('.overview-chart__canvas') === drawn, 'a canvas per chart with rows')
})
