/**
 * Where am I (issue 11): every page has a title, and every page but the tabs a way back — in weapp the native
 * bar does both; on H5 Taro shows its navigation bar (title, back, or home when opened directly) only when the
 * window config asks for it with navigationStyle 'default'.
 */
import appConfig from '@/app.config'

interface PageConfig {
  navigationBarTitleText?: string
  navigationStyle?: string
}
const config = appConfig as unknown as {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  window: PageConfig
  tabBar: { list: { pagePath: string }[] }
}

const tabs = new Set(config.tabBar.list.map((t) => t.pagePath))
const pages = [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]

test('the window asks for the navigation bar (Taro H5 hides it otherwise; weapp shows it by default)', () => {
  expect(config.window.navigationStyle).toBe('default')
})

test.each(pages)('%s has a title and keeps the bar (so a back control)', (page) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const own = require(`../../src/${page}.config.ts`).default as PageConfig
  expect(own.navigationBarTitleText?.trim()).toBeTruthy()
  expect(own.navigationStyle ?? config.window.navigationStyle).toBe('default')
  if (!tabs.has(page)) expect(own.navigationBarTitleText).not.toBe(config.window.navigationBarTitleText)
})
