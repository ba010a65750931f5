// Smoke test of the COMPILED weapp output (dist/weapp) for the privacy prompt, in miniprogram-simulate.
// Proves: app start registers one onNeedPrivacyAuthorization listener; when WeChat holds a privacy call on
// 我的 (the phone-number button), our sheet appears there saying what is about to be used, with a link to the
// 隐私保护指引 page (in its own subpackage) and the agreePrivacyAuthorization button carrying the id resolved
// with; 不同意 resolves `disagree` and the sheet goes away, the page still there.
// Does not prove: the WeChat client's check that the agree button was really tapped (the simulator has no
// such button behaviour; test/components/PrivacyConsent.test.tsx drives the agree event on the component).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Me } from '@/domain/auth'
import { makeHarness, type Harness } from '../api/support/harness'
import { bootMiniApp, DIST, waitFor, type MiniApp } from './support/miniapp'

type Any = any // eslint-disable-line @typescript-eslint/no-explicit-any
type Listener = (resolve: (o: Any) => void, info?: { referrer?: string }) => void

let h: Harness
let app: MiniApp
const listeners: Listener[] = []
const USER = 'u_resident_jj1'

beforeAll(async () => {
  h = await makeHarness({
    deps: {
      tokens: {
        issue: async (userId) => ({ token: userId, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
        verify: async (token) => token,
      },
    },
  })
  const me = await h.ok<Me>('me.get', {}, USER)
  const g = global as Any
  // a base library with the privacy API (≥ 2.32.3): must exist before Taro copies wx's functions at start
  g.wx = Object.assign(g.wx || {}, { onNeedPrivacyAuthorization: (l: Listener) => listeners.push(l) })
  app = bootMiniApp(h)
  app.storage.set('gongzhi.session', JSON.stringify({ token: USER, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), user: me }))
})
afterAll(() => h.close())

test('the privacy subpackage and the agree button’s event are in the build', () => {
  const appJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8'))
  expect(appJson.subPackages).toContainEqual({ root: 'packages/legal', pages: ['privacy/index'] })
  expect(readFileSync(path.join(DIST, 'base.wxml'), 'utf8')).toContain('bindagreeprivacyauthorization')
})

test('a held privacy call on 我的 shows our sheet; 不同意 answers disagree and closes it', async () => {
  expect(listeners).toHaveLength(1)
  const page = await app.loadPage('pages/me/index')
  await waitFor(() => page.text().includes('退出登录'), '我的', 10_000)
  expect(page.count('.gz-privacy')).toBe(0)

  const answers: Any[] = []
  listeners[0]((o) => answers.push(o), { referrer: 'button.getPhoneNumber' })
  await waitFor(() => page.count('.gz-privacy') === 1, 'the privacy sheet')
  expect(page.text()).toContain('接下来要使用您的微信手机号')
  expect(page.text()).toContain('《共治 隐私保护指引》')
  expect(page.count('#gz-privacy-agree')).toBe(1)
  expect(answers).toEqual([{ event: 'exposureAuthorization' }])

  page.tap('.gz-privacy__link')
  await waitFor(() => app.navigations.length > 0, 'the guide to open')
  expect(app.navigations.at(-1)).toEqual({ api: 'navigateTo', url: '/packages/legal/privacy/index' })

  page.tapText('.gz-btn', '不同意')
  await waitFor(() => answers.length > 1, 'the answer')
  expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
  await waitFor(() => page.count('.gz-privacy') === 0, 'the sheet to close')
  expect(page.text()).toContain('退出登录')
})
