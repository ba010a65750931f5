// Where am I (issue 11), in Chromium against the H5 build: every page shows its title in the title bar, and every
// page but the five tabs a control to go back (the back arrow after a step, 首页 when opened directly). The
// pages are app.config.ts's, walked as a committee member (who may open nearly all of them). Screenshots go to
// test-results/e2e/navigation/.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { SHOTS_DIR, api, launchBrowser, pageWithSession, shot, startServer, useLargestFont, type RunningServer } from './harness'

interface PageConfig {
  navigationBarTitleText?: string
}
interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string }[] }
}

const g = globalThis as unknown as Record<string, unknown>
g.defineAppConfig = (c: unknown) => c
g.definePageConfig = (c: unknown) => c
const src = join(process.cwd(), 'src')
const load = async <T>(file: string): Promise<T> => ((await import(join(src, file))) as { default: T }).default

let server: RunningServer
let browser: Browser

before(async () => {
  rmSync(join(SHOTS_DIR, 'navigation'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** The title bar as shown: its title, and which control it offers (back, 首页, or none). */
async function bar(page: Page): Promise<{ title: string; control: 'back' | 'home' | 'none'; size: { width: number; height: number } | null }> {
  // a string, not a function: tsx would wrap named inner functions in a helper the page does not have
  return page.evaluate(`(() => {
    const el = document.getElementById('taro-navigation-bar')
    const shown = (x) => !!x && getComputedStyle(x).display !== 'none'
    const back = el && el.querySelector('.taro-navigation-bar-back')
    const home = el && el.querySelector('.taro-navigation-bar-home')
    const control = shown(el) && shown(back) ? 'back' : shown(el) && shown(home) ? 'home' : 'none'
    const target = control === 'back' ? back : control === 'home' ? home : null
    const box = target ? target.getBoundingClientRect() : null
    return {
      title: shown(el) ? ((el.querySelector('.taro-navigation-bar-title') || {}).textContent || '') : '',
      control,
      size: box ? { width: box.width, height: box.height } : null,
    }
  })()`) as Promise<{ title: string; control: 'back' | 'home' | 'none'; size: { width: number; height: number } | null }>
}

test('every page: its title in the bar; every page but the tabs a back (or 首页) control a finger can hit', async () => {
  const app = await load<AppConfig>('app.config.ts')
  const tabs = new Set(app.tabBar.list.map((t) => t.pagePath))
  const pages = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
  const session = await api(server.url, 'auth.devLogin', { role: 'committee', name: '陈秀兰' })
  const page = await pageWithSession(browser, server.url, session)
  await page.locator('[data-testid="notice-list"] >> visible=true').or(page.locator('[data-testid="list-empty"] >> visible=true')).first().waitFor()

  const missing: string[] = []
  for (const path of pages) {
    if (path === 'packages/auth/login/index') continue // signed in: it sends the person on to 首页
    if (path === 'packages/auth/community/index') {
      // 选择社区 is for someone with no community yet: a placed person is sent on to 首页, once
      await page.evaluate((p) => void (window.location.hash = `#/${p}`), path)
      const home = await load<PageConfig>(`${app.pages[0]}.config.ts`)
      const arrived = await page
        .waitForFunction((t) => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === t, home.navigationBarTitleText, { timeout: 10_000 })
        .then(() => true, () => false)
      if (!arrived) missing.push(`${path}: a placed person was not sent on to 首页 (${JSON.stringify(await bar(page))})`)
      continue
    }
    const { navigationBarTitleText: title } = await load<PageConfig>(`${path}.config.ts`)
    // the address changed in place (Taro opens it as a page of its own: 首页 is then its way back; the back
    // arrow after a tap is asserted by the journeys, e.g. reports.test.ts)
    await page.evaluate((p) => void (window.location.hash = `#/${p}`), path)
    await page.waitForFunction((t) => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === t, title, { timeout: 10_000 }).catch(() => undefined)
    const seen = await bar(page)
    const tab = tabs.has(path)
    if (seen.title !== title || (tab ? seen.control !== 'none' : seen.control === 'none')) {
      missing.push(`${path}: ${JSON.stringify(seen)} (want "${title}", ${tab ? 'no control' : 'back or 首页'})`)
    } else if (!tab && (!seen.size || seen.size.width < 44 || seen.size.height < 44)) {
      missing.push(`${path}: the ${seen.control} control ${JSON.stringify(seen.size)} is smaller than 44 × 44`)
    }
  }
  assert.deepEqual(missing, [])

  // opened directly (a shared link, a reload): 首页 instead of back
  await page.goto(`${server.url}/#/packages/notices/publish/index`)
  await page.waitForFunction(() => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '发布通知')
  assert.equal((await bar(page)).control, 'home')
  await shot(page, 'navigation/01-opened-directly')
  await useLargestFont(page)
  await shot(page, 'navigation/02-opened-directly-largest-font')
})
