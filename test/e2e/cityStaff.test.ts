// The city model's staff side in real Chromium at a phone viewport, against the H5 build served by the real server
// on a fresh SQLite file: a 区综治中心 officer signs in through the demo login, finds in 待办问题 the report the
// street escalated to the district and accepts it (its 上报 now reads 上报市综治中心); five days later they open
// 问题总览 (按街道), find an overdue report the street still handles and supervise (督办) it; the 市综治中心's desk and
// overview (按区). The server's clock is moved by patrolClock.mjs (a preload), the page's by the same offset.
// Screenshots go to test-results/e2e/city/.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, launchBrowser, loginAs, phoneContext, shot, staffAct, useLargestFont } from './harness'

interface Login {
  token: string
  expiresAt: string
  user: { id: string; gridId: string | null }
}

// within the 7 days a session lasts
const LATER_MS = 5 * 24 * 3600_000

let server: ServerProcess
let browser: Browser
let dir: string
let clockFile: string

before(async () => {
  rmSync(join(SHOTS_DIR, 'city'), { recursive: true, force: true })
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-city-'))
  clockFile = join(dir, 'clock-offset')
  writeFileSync(clockFile, '0')
  server = await startServerProcess({
    GONGZHI_DB: join(dir, 'e2e.db'),
    GONGZHI_RATE_LIMIT: 'off',
    NODE_ENV: 'test',
    GONGZHI_TEST_CLOCK_FILE: clockFile,
    NODE_OPTIONS: `--import ${new URL('./patrolClock.mjs', `file://${__filename}`).href}`,
  })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const call = <T>(action: string, payload: unknown, token?: string) => api<T>(server.url, action, payload, token)
const login = (role: string, extra: Record<string, unknown> = {}) => call<Login>('auth.devLogin', { role, ...extra })
const reportOf = (id: string, token: string) => call<{ status: string; level: string; overdue: boolean }>('report.get', { id }, token)

/** The session the login page stored (Taro H5 keeps storage as JSON `{ data }`). */
async function sessionIn(page: Page): Promise<unknown> {
  const raw = await page.evaluate(() => localStorage.getItem('gongzhi.session'))
  assert.ok(raw, 'signed in')
  const data = (JSON.parse(raw) as { data: unknown }).data
  return typeof data === 'string' ? JSON.parse(data) : data
}

/** A phone page signed in with `session`, its clock `offset` ms ahead like the server's. */
async function pageAt(session: unknown, offset: number): Promise<Page> {
  const context = await phoneContext(browser)
  await context.addInitScript((value) => localStorage.setItem('gongzhi.session', JSON.stringify({ data: value })), JSON.stringify(session))
  // a string, not a function: tsx would wrap named inner classes in a helper the page does not have
  await context.addInitScript(`(() => {
    const RealDate = Date
    const now = () => RealDate.now() + ${offset}
    const Shifted = function (...args) {
      if (!new.target) return new RealDate(now()).toString()
      return args.length === 0 ? new RealDate(now()) : new RealDate(...args)
    }
    Shifted.prototype = RealDate.prototype
    Shifted.now = now
    Shifted.parse = RealDate.parse
    Shifted.UTC = RealDate.UTC
    globalThis.Date = Shifted
  })()`)
  const page = await context.newPage()
  await page.goto(server.url + '/')
  return page
}

test('区综治中心: 待办问题 holds what the street escalated → 受理; five days on, 问题总览 按街道 → 督办 an overdue one', async () => {
  const resident = await login('resident', { name: '周桂芳' })
  const worker = await login('gridWorker', { name: '吴建国', gridId: resident.user.gridId })
  const committee = await login('committee', { name: '陈主任' })
  const street = await login('street', { name: '赵明' })
  const create = (category: string, description: string) =>
    call<{ id: string }>('report.create', { category, description, gridId: resident.user.gridId }, resident.token)
  const escalate = (id: string, token: string, note: string) => call('report.transition', { id, action: 'escalate', note }, token)

  // one report goes all the way to the district; another stops at the street
  const toDistrict = await create('public_security', '滨江路和振兴路口夜里常有人飙车，噪音大，也容易出事，希望联合交警整治。')
  await escalate(toDistrict.id, worker.token, '需要多部门协调处理')
  await escalate(toDistrict.id, committee.token, '需要交警和城管联合处理')
  await escalate(toDistrict.id, street.token, '涉及区级执法力量，请区综治中心协调')
  const atStreet = await create('facility', '振兴路公交站的雨棚被大风吹坏，一半挂在空中，下面每天有人候车。')
  await escalate(atStreet.id, worker.token, '超出网格处置权限')
  await escalate(atStreet.id, committee.token, '需要街道协调公交公司')
  assert.equal((await reportOf(toDistrict.id, street.token)).level, 'district')
  assert.equal((await reportOf(atStreet.id, street.token)).level, 'street')

  // the demo login's 区综治中心 button: a new officer of the demo district
  const first = await (await phoneContext(browser)).newPage()
  await loginAs(first, server.url, 'district')
  await byTestId(first, 'notice-home-district').waitFor()
  assert.match(await byTestId(first, 'notice-home-district').innerText(), /区综治中心[\s\S]*辖区各社区通知/)
  await assertNoHorizontalOverflow(first)
  await shot(first, 'city/01-district-home')
  const session = await sessionIn(first)
  await first.context().close()

  const d = await pageAt(session, 0)
  await d.goto(`${server.url}/#/pages/me/index`)
  await byTestId(d, 'desk-district').waitFor()
  assert.equal(await byTestId(d, 'desk-title').innerText(), '区综治中心工作')
  assert.equal(await byTestId(d, 'me-grid').innerText(), '全区各街道、社区')
  await d.waitForFunction(() => /\d+ 件|没有待办/.test(document.querySelector('[data-testid="desk-report-queue"]')?.textContent ?? ''))
  assert.match(await byTestId(d, 'desk-report-queue').innerText(), /街道上报到区综治中心的问题：1 件/)
  assert.deepEqual(await d.locator('[data-testid^="desk-"] .gz-card__title >> visible=true').allInnerTexts(), ['问题', '通知'])
  await byTestId(d, 'desk-district').scrollIntoViewIfNeeded()
  await assertNoHorizontalOverflow(d)
  await shot(d, 'city/02-district-desk')

  await byTestId(d, 'desk-report-queue').click()
  const row = d.locator(`[data-testid="report-row"][data-id="${toDistrict.id}"] >> visible=true`)
  await row.waitFor()
  assert.equal(await d.locator('[data-testid="report-row"] >> visible=true').count(), 1, 'only what reached the district')
  assert.match(await byTestId(d, 'queue-screen').innerText(), /区综治中心待办的问题/)
  await assertNoHorizontalOverflow(d)
  await shot(d, 'city/03-district-queue')
  await row.click()
  await byTestId(d, 'staff-panel').waitFor()
  assert.equal(await byTestId(d, 'staff-action-escalate').innerText(), '上报市综治中心')
  await shot(d, 'city/04-district-report')
  // the longest label stays on one line, at WeChat's largest font too
  await useLargestFont(d)
  await byTestId(d, 'staff-panel').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await assertNoHorizontalOverflow(d)
  const lines = await byTestId(d, 'staff-action-escalate')
    .locator('.gz-btn__text')
    .evaluate((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size
    })
  assert.equal(lines, 1, '上报市综治中心 on one line')
  await shot(d, 'city/04b-district-report-largest-font')
  await staffAct(d, 'accept')
  await byTestId(d, 'staff-action-note').waitFor()
  assert.equal((await reportOf(toDistrict.id, street.token)).status, 'accepted')
  await d.context().close()

  // five days on: the street has not acted on its report
  writeFileSync(clockFile, String(LATER_MS))
  await new Promise((r) => setTimeout(r, 250))
  assert.equal((await reportOf(atStreet.id, street.token)).overdue, true)

  const later = await pageAt(session, LATER_MS)
  await later.goto(`${server.url}/#/packages/reports/area/index`)
  await byTestId(later, 'area-summary').waitFor()
  assert.match(await byTestId(later, 'area-summary').innerText(), /按街道[\s\S]*振兴街道（未办结 \d+，逾期 \d+）/)
  assert.equal(await later.locator('[data-testid^="bar-grid-"] >> visible=true').count(), 0)
  assert.match(await byTestId(later, 'filter-toggle').innerText(), /按状态、类别筛选/)
  await assertNoHorizontalOverflow(later)
  await shot(later, 'city/05-district-area')
  await later.locator('[data-testid^="bar-area-"] >> visible=true').first().evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await shot(later, 'city/06-district-area-by-street')

  await byTestId(later, 'filter-overdue').click()
  const overdue = later.locator(`[data-testid="report-row"][data-id="${atStreet.id}"] >> visible=true`)
  await overdue.waitFor()
  assert.match(await overdue.innerText(), /点开可督办/)
  await overdue.scrollIntoViewIfNeeded()
  await shot(later, 'city/07-district-area-overdue')
  await overdue.click()
  await byTestId(later, 'staff-panel').waitFor()
  assert.equal(await byTestId(later, 'staff-action-accept').count(), 0, 'the street handles it; the district supervises')
  await staffAct(later, 'supervise', { quick: '已逾期，请尽快办理并反馈进展' })
  const supervised = await call<{ timeline: { action: string }[] }>('report.get', { id: atStreet.id }, street.token)
  assert.ok(supervised.timeline.some((e) => e.action === 'supervise'))
  await later.locator('text=已逾期，请尽快办理并反馈进展 >> visible=true').first().waitFor()
  // the 已督办 toast goes away
  await later.waitForTimeout(2000)
  await shot(later, 'city/08-district-supervised')
  await later.context().close()

  // 市综治中心: its own desk, nothing escalated to the city yet, the overview by district
  const city = await login('city', { name: '冯雅琴' })
  const c = await pageAt(city, LATER_MS)
  await c.goto(`${server.url}/#/pages/me/index`)
  await byTestId(c, 'desk-city').waitFor()
  await c.waitForFunction(() => /没有待办/.test(document.querySelector('[data-testid="desk-report-queue"]')?.textContent ?? ''))
  assert.match(await byTestId(c, 'desk-report-queue').innerText(), /各区上报到市综治中心的问题/)
  await byTestId(c, 'desk-city').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await shot(c, 'city/09-city-desk')
  await c.goto(`${server.url}/#/packages/reports/area/index`)
  await byTestId(c, 'area-summary').waitFor()
  assert.match(await byTestId(c, 'area-summary').innerText(), /按区[\s\S]*滨江区（未办结 \d+，逾期 \d+）/)
  await c.locator('[data-testid^="bar-area-"] >> visible=true').first().evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await assertNoHorizontalOverflow(c)
  await shot(c, 'city/10-city-area-by-district')
})
