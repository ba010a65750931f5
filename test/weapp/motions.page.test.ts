// Smoke test of the COMPILED weapp output (dist/weapp) for issue 5, in miniprogram-simulate: the 议事 tab (main
// package) and a motion's detail (motions subpackage).
// Proves: the built pages render real API data (wx.request → the real dispatcher on a seeded SQLite file) into
// wxml compiled by the official compiler — open motions before closed ones, phase words, turnout, my status;
// a tap on a card navigates to the detail; the detail shows the numbered articles and, for an eligible
// resident, the ballot: a tap on 赞成, 投票, the confirmation and 确认投票 writes exactly one ballot row and
// one voter row, and the receipt is shown.
// Does not prove: the WeChat client itself (Page is mapped to Component, lifecycle called by hand, no tab bar
// or native dialog rendering), layout or styles, nor wx.setClipboardData (test/components covers the copy call,
// test/e2e the whole journey in a browser).
import type { Me } from '@/domain/auth'
import type { MotionListPage, MotionView } from '@/domain/motions'
import { makeHarness, NOW, type Harness } from '../api/support/harness'
import { bootMiniApp, waitFor, type MiniApp } from './support/miniapp'

let h: Harness
let app: MiniApp
let voting: MotionView
let consultation: MotionView
let closed: MotionView
/** what motion.list gives the resident: these three and the seed's demo motions */
let listed: string[]

const at = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString()

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
  const committee = await h.devLogin({ role: 'committee' })
  const draft = (title: string) =>
    h.ok<MotionView>('motion.create', { title, articles: [{ text: '出门遛狗须牵绳。' }, { text: '犬只粪便由主人当即清理。' }], kind: 'rules', eligibility: 'adults', voteFrom: at(3), voteUntil: at(6) }, committee)
  closed = await draft('小程序冒烟：已结束的议题')
  for (let i = 0; i < 3; i++) await h.ok('motion.advance', { id: closed.id }, committee)
  voting = await draft('小程序冒烟：表决中的议题')
  for (let i = 0; i < 2; i++) await h.ok('motion.advance', { id: voting.id }, committee)
  consultation = await draft('小程序冒烟：征求意见的议题')
  await h.ok('motion.advance', { id: consultation.id }, committee)

  const residentId = await h.devLogin({ role: 'resident' })
  const me = await h.ok<Me>('me.get', {}, residentId)
  listed = (await h.ok<MotionListPage>('motion.list', {}, residentId)).items.map((m) => m.id)
  app = bootMiniApp(h)
  app.storage.set('gongzhi.session', JSON.stringify({ token: residentId, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), user: me }))
})
afterAll(() => h.close())

test('the compiled 议事 tab lists open motions first with their phase and my status, then the closed one; a card opens the detail', async () => {
  const missing: string[] = []
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    const line = args.map(String).join(' ')
    if (/Template .* not found/.test(line)) missing.push(line)
  })
  const page = await app.loadPage('pages/vote/index')
  await waitFor(() => page.text().includes('小程序冒烟：已结束的议题'), 'the closed list', 10_000)
  await waitFor(() => page.text().includes('小程序冒烟：征求意见的议题'), 'the open list', 10_000)
  expect(app.requests).toContain('motion.list')
  const text = page.text()
  const order = [voting, consultation, closed].map((m) => text.indexOf(m.title))
  expect(order).toEqual([...order].sort((a, b) => a - b))
  expect(listed).toEqual(expect.arrayContaining([voting.id, consultation.id, closed.id]))
  expect(page.count('.gz-motion-card')).toBe(listed.length)
  for (const word of ['表决中', '征求意见', '已结束', '待您投票', '正在征求意见，欢迎提意见', '现行村规民约']) expect(text).toContain(word)
  expect(text).toMatch(/投票率 0%（已投 0\/\d+ 人）/)
  warn.mockRestore()
  expect(missing).toEqual([])

  app.navigations.length = 0
  page.tapText('.gz-motion-card', voting.title)
  await waitFor(() => app.navigations.length > 0, 'navigation')
  expect(app.navigations.at(-1)).toEqual({ api: 'navigateTo', url: `/packages/motions/detail/index?id=${voting.id}` })
})

test('the compiled detail page shows the articles and takes one ballot through its confirmation', async () => {
  const page = await app.loadPage('packages/motions/detail/index', { id: voting.id })
  await waitFor(() => page.text().includes('犬只粪便由主人当即清理。'), 'the motion', 10_000)
  expect(app.requests).toContain('motion.get')
  expect(page.text()).toContain('第一条')
  expect(page.text()).toContain('第二条')
  expect(page.text()).toContain('我要投票')

  page.tapText('.gz-chip', '赞成')
  await waitFor(() => page.text().includes('✓ 赞成'), 'the chosen chip')
  page.tapText('.gz-btn', '投票')
  await waitFor(() => page.text().includes('您选择：赞成'), 'the confirmation')
  page.tapText('.gz-btn', '确认投票')
  await waitFor(() => page.text().includes('您的回执码'), 'the receipt', 10_000)
  const n = async (table: string) => ((await h.sql.get(`SELECT count(*) AS n FROM ${table} WHERE motion_id = ?`, [voting.id])) as { n: number }).n
  expect([await n('motion_ballots'), await n('motion_voters')]).toEqual([1, 1])
  expect(page.text()).toMatch(/[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}/)
})
