/** backTo: a tab page (all five, 议事 and 巡逻 included) is reached with switchTab; other pages are redirected to. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Taro from '@tarojs/taro'
import appConfig from '@/app.config'
import { MESSAGE_TARGET_PAGES, messagePage } from '@/domain/messages'
import { ROUTES } from '@/services/routes'
import { backTo, isTabPage, tabIndex, TAB_PAGES } from '@/services/nav'

function spies(stack: number) {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
  const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
  const navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' })
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue(new Array(stack).fill({}) as never)
  return { switchTab, redirectTo, navigateBack }
}

afterEach(() => jest.restoreAllMocks())

const config = appConfig as unknown as { tabBar: { list: { pagePath: string; text: string }[] }; subPackages: { root: string; pages: string[] }[] }

test('TAB_PAGES is exactly the tabBar of app.config.ts, and a tab\'s index is its place there', () => {
  const paths = config.tabBar.list.map((t) => `/${t.pagePath}`)
  expect(paths).toHaveLength(5)
  expect([...TAB_PAGES]).toEqual(paths)
  expect(config.tabBar.list[tabIndex(ROUTES.me)]!.text).toBe('我的')
  expect(config.tabBar.list[tabIndex(ROUTES.home)]!.text).toBe('首页')
  expect(config.tabBar.list[tabIndex(ROUTES.report)]!.text).toBe('随手拍')
})

/** Every .ts/.tsx file under src. */
function sources(dir = join(__dirname, '../../src')): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : []
  })
}

test('no tab index is written as a number (setTabBarBadge and friends take tabIndex(...))', () => {
  const literal = /(TabBarBadge|TabBarRedDot|TabBarItem)\(\{[^}]*index:\s*\d/
  const offenders = sources().filter((f) => literal.test(readFileSync(f, 'utf8').replace(/\s+/g, ' ')))
  expect(offenders).toEqual([])
})

test('a message opens a page of the app, the one of what it is about', () => {
  const pages = new Set(config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)))
  for (const page of Object.values(MESSAGE_TARGET_PAGES)) expect(pages).toContain(page)
  expect(messagePage({ type: 'motion', id: 'm1' })).toBe('packages/motions/detail/index?id=m1')
  expect(messagePage({ type: 'report', id: 'r1' })).toBe(`${ROUTES.reportDetail.slice(1)}?id=r1`)
})

test.each([ROUTES.home, '/pages/vote/index', ROUTES.report, ROUTES.patrol, ROUTES.me])('opened directly, back to the tab %s: switchTab', (tab) => {
  const { switchTab, redirectTo } = spies(1)
  backTo(tab)
  expect(switchTab).toHaveBeenCalledWith({ url: tab })
  expect(redirectTo).not.toHaveBeenCalled()
})

test('a tab with a query: switchTab to the bare path (it takes none)', () => {
  const { switchTab } = spies(1)
  backTo(`${ROUTES.patrol}?day=2025-03-02`)
  expect(switchTab).toHaveBeenCalledWith({ url: ROUTES.patrol })
  expect(isTabPage(`${ROUTES.patrol}?day=2025-03-02`)).toBe(true)
})

test('a page of a subpackage: redirectTo with its query', () => {
  const { switchTab, redirectTo } = spies(1)
  backTo(`${ROUTES.shiftDetail}?id=s1`)
  expect(redirectTo).toHaveBeenCalledWith({ url: `${ROUTES.shiftDetail}?id=s1` })
  expect(switchTab).not.toHaveBeenCalled()
  expect(isTabPage(ROUTES.shiftDetail)).toBe(false)
})

test('with a page to go back to: navigateBack, nothing else', () => {
  const { switchTab, redirectTo, navigateBack } = spies(2)
  backTo(ROUTES.patrol)
  expect(navigateBack).toHaveBeenCalled()
  expect(switchTab).not.toHaveBeenCalled()
  expect(redirectTo).not.toHaveBeenCalled()
})
