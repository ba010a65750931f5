// Browser-test harness: the real server (tsx cloud/server/main.ts) on a free loopback port with a fresh
// SQLite file, and Debian's chromium driven by playwright-core at a phone viewport.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startServerProcess } from '../support/serverProcess'

export const SHOTS_DIR = join(process.cwd(), 'test-results', 'e2e')

export interface RunningServer {
  url: string
  stop(): Promise<void>
}

export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-e2e-'))
  const server = await startServerProcess({ GONGZHI_DB: join(dir, 'e2e.db'), GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test' })
  return {
    url: server.url,
    async stop() {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
}

/** Screenshot into test-results/e2e/<name>.png; `name` may hold a folder per journey ("notices/01-home"). */
export async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS_DIR, `${name}.png`)
  mkdirSync(dirname(path), { recursive: true })
  // let page transitions (Taro H5 slides pages in) finish before the picture
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
  await page.screenshot({ path, animations: 'disabled' })
  return path
}

/** Calls the API the way the client does, for setting up what a journey does not walk through. */
export async function api<T>(url: string, action: string, payload: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, payload }),
  })
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } }
  if (!body.ok) throw new Error(`${action}: ${body.error?.code} ${body.error?.message}`)
  return body.data as T
}

// Taro H5 keeps pages of the navigation stack in the DOM, hidden: only look at what is shown.
export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"] >> visible=true`)

/** Taro's Input and Textarea render a custom element around the real field. */
export async function fillField(page: Page, testid: string, value: string): Promise<void> {
  await page.locator(`[data-testid="${testid}"] >> visible=true`).locator('input, textarea').first().fill(value)
}

/** Dev login through the login page's role buttons; lands on 首页. */
export async function loginAs(page: Page, url: string, role: string): Promise<void> {
  await page.goto(url + '/')
  await byTestId(page, `login-role-${role}`).click()
  await byTestId(page, 'notice-list').or(byTestId(page, 'list-empty')).first().waitFor()
}

/**
 * A phone page already signed in with this session (for people the login page's buttons do not make,
 * e.g. a resident of another grid or one not yet verified). Taro H5 keeps storage as JSON `{ data }`.
 */
export async function pageWithSession(browser: Browser, url: string, session: unknown): Promise<Page> {
  const context = await phoneContext(browser)
  await context.addInitScript((value) => localStorage.setItem('gongzhi.session', JSON.stringify({ data: value })), JSON.stringify(session))
  const page = await context.newPage()
  await page.goto(url + '/')
  return page
}

/**
 * WeChat's largest font setting (关怀模式, about 1.4× the 17 px body text): scales every font size in the
 * page's style sheets by 1.4, leaving layout widths as they are, the way the client's text scaling does.
 */
export async function useLargestFont(page: Page): Promise<void> {
  // a string, not a function: tsx would wrap named inner functions in a helper the page does not have
  await page.evaluate(`(() => {
    const walk = (rules) => {
      for (const rule of Array.from(rules)) {
        if (rule.cssRules) walk(rule.cssRules)
        const m = rule.style && rule.style.fontSize && rule.style.fontSize.match(/^([\\d.]+)(px|rem)$/)
        if (m) rule.style.fontSize = parseFloat(m[1]) * 1.4 + m[2]
      }
    }
    for (const sheet of Array.from(document.styleSheets)) {
      try { walk(sheet.cssRules) } catch (e) { /* a cross-origin sheet: not ours */ }
    }
  })()`)
}

/** Nothing sticks out sideways (a clipped or overflowing line would). */
export async function assertNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }))
  if (scroll > width) throw new Error(`page is ${scroll}px wide in a ${width}px viewport`)
}

/** In a report's 办理 panel: open one action's sheet, maybe tap a quick reason or type a note, confirm, wait for it to close. */
export async function staffAct(page: Page, action: string, opts: { quick?: string; note?: string } = {}): Promise<void> {
  await byTestId(page, `staff-action-${action}`).click()
  await byTestId(page, 'staff-sheet').waitFor()
  if (opts.quick) await page.locator('[data-testid="staff-quick-note"] >> visible=true', { hasText: opts.quick }).click()
  if (opts.note) await fillField(page, 'staff-note', opts.note)
  await byTestId(page, 'staff-confirm').click()
  await byTestId(page, 'staff-sheet').waitFor({ state: 'detached' })
}
