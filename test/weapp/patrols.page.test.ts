// Smoke test of the COMPILED weapp output (dist/weapp) for issue 6's volunteer side, in miniprogram-simulate:
// the 巡逻 tab (main package) and a shift's detail (patrols subpackage).
// Proves: the build renders real API data (wx.request → the real dispatcher on a SQLite file seeded with the
// demo shifts) into wxml compiled by the official compiler and reacts to taps: the tab lists the community's
// coming shifts grouped by day with seats; 报名 on a card takes a seat (one signup row in the store) and the
// card says so; the detail shows time, place, radius and the map entry, 报名 there confirms the last seat, and
// 签到 asks wx.getLocation for GCJ-02 at high accuracy and, refused, says how to allow it and sends nothing.
// Does not prove: the WeChat client itself (Page is mapped to Component, lifecycle called by hand, no tab bar,
// no real <map>), layout or styles, nor wx.getLocation's real behaviour (test/e2e covers check-in by position
// in Chromium with the browser's geolocation).
import type { Me } from '@/domain/auth'
import { DEMO_SHIFTS } from '../../cloud/seed/seedPatrols'
import { makeHarness, type Harness } from '../api/support/harness'
import { bootMiniApp, waitFor, type MiniApp } from './support/miniapp'

type Any = any // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness
let app: MiniApp
const located: { type?: string; isHighAccuracy?: boolean }[] = []
const VOLUNTEER = 'u_volunteer_jj1' // 杨春敏, a verified volunteer of 锦江社区

beforeAll(async () => {
  h = await makeHarness({
    deps: {
      tokens: {
        issue: async (userId) => ({ token: userId, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
        verify: async (token) => token,
      },
    },
  })
  const me = await h.ok<Me>('me.get', {}, VOLUNTEER)
  const g = global as Any
  g.wx = Object.assign(g.wx || {}, {
    getLocation(o: Any) {
      located.push({ type: o.type, isHighAccuracy: o.isHighAccuracy })
      const res = { errMsg: 'getLocation:fail auth deny' }
      o.fail?.(res)
      o.complete?.(res)
    },
  })
  app = bootMiniApp(h)
  app.storage.set('gongzhi.session', JSON.stringify({ token: VOLUNTEER, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), user: me }))
})
afterAll(() => h.close())

const signups = async (shiftId: string) =>
  (await h.sql.all('SELECT user_id, status FROM shift_signups WHERE shift_id = ?', [shiftId])) as { user_id: string; status: string }[]

test('the compiled 巡逻 tab lists the coming shifts by day with seats; 报名 on a card takes a seat', async () => {
  const missing: string[] = []
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    const line = args.map(String).join(' ')
    if (/Template .* not found/.test(line)) missing.push(line)
  })
  const page = await app.loadPage('pages/patrol/index')
  await waitFor(() => DEMO_SHIFTS.every((s) => page.text().includes(s.title)), 'the demo shifts', 10_000)
  expect(app.requests).toContain('shift.list')
  expect(page.count('.gz-shift-card')).toBe(DEMO_SHIFTS.length)
  expect(page.text()).toContain('余 6 个名额（共 6 人）')
  expect(page.text()).toContain('我的志愿')
  expect(page.count('.patrol-home__day-label')).toBeGreaterThanOrEqual(2)
  warn.mockRestore()
  expect(missing).toEqual([])

  page.tapText('.gz-btn', '报名')
  await waitFor(() => page.text().includes('报名成功'), 'the answer on the card')
  expect(app.requests).toContain('shift.signup')
  expect(await signups('sh_demo_night')).toEqual([{ user_id: VOLUNTEER, status: 'confirmed' }])
  await waitFor(() => page.text().includes('已报名'), 'my status on the card')
})

test('the compiled detail: place and radius, 报名 takes the last seat, 签到 with location refused says how to allow it', async () => {
  const river = DEMO_SHIFTS.find((s) => s.id === 'sh_demo_river')!
  const page = await app.loadPage('packages/patrols/detail/index', { id: river.id })
  await waitFor(() => page.text().includes(river.title), 'the shift', 10_000)
  expect(app.requests).toContain('shift.get')
  expect(page.text()).toContain(river.meetingPoint)
  expect(page.text()).toContain(`以集合点为中心，半径 ${river.radius} 米`)
  expect(page.text()).toContain('在地图中查看')
  page.tapText('.gz-btn', '报名')
  await waitFor(() => page.text().includes('报名成功，请按时到岗签到'), 'the signup')
  expect(await signups(river.id)).toEqual([{ user_id: VOLUNTEER, status: 'confirmed' }])
  await waitFor(() => page.text().includes('取消报名'), 'the refreshed detail')
  // the harness's server clock is fixed in the past, the device's is today: the device does not call it early,
  // asks wx.getLocation (GCJ-02, high accuracy), which the person refused — the permission path, nothing sent
  page.tapText('.gz-btn', '签到')
  await waitFor(() => page.text().includes('没有位置权限'), 'the refusal')
  expect(page.text()).toContain('去开启位置权限')
  expect(located).toEqual([{ type: 'gcj02', isHighAccuracy: true }])
  expect(app.requests).not.toContain('shift.checkin')
}, 30_000)
