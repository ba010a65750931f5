/** backTo: a tab page (all five, 议事 and 巡逻 included) is reached with switchTab; other pages are redirected to. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Taro from '@tarojs/taro'
import { ROUTES } from '@/services/routes'
import { backTo, isTabPage, TAB_PAGES } from '@/services/nav'

function spies(stack: number) {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
  const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
  const navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' })
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue(new Array(stack).fill({}) as never)
  return { switchTab, redirectTo, navigateBack }
}

afterEach(() => jest.restoreAllMocks())

test('TAB_PAGES is exactly the tabBar of app.config.ts', () => {
  const config = readFileSync(join(__dirname, '../../src/app.config.ts'), 'utf8')
  const tabBar = config.slice(config.indexOf('tabBar'))
  const paths = [...tabBar.matchAll(/pagePath: '([^']+)'/g)].map((m) => `/${m[1]}`)
  expect(paths).toHaveLength(5)
  expect([...TAB_PAGES]).toEqual(paths)
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
