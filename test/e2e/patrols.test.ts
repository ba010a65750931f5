// Issue 6's journey in real Chromium at a phone viewport (geolocation emulated), against the H5 build served by
// the real server on a fresh SQLite file: the committee schedules a shift for one volunteer from the 巡逻 tab →
// volunteer A signs up (confirmed) → volunteer B joins the waitlist (position 1 shown) → A withdraws → B is
// promoted (已报名, and a message that opens the shift) → [server clock moved to 10 minutes before the start]
// → B checks in off site (refused with the distance), then on site (accepted) → B reports a hazard (发现隐患),
// which exists as a report → B checks out → 我的志愿 shows the hours volunteer.stats gives.
// The server's clock is moved by test/e2e/patrolClock.mjs (a preload); the browser keeps the real time.
// Screenshots go to test-results/e2e/patrols/ (the chosen ones are copied to docs/screenshots/patrols-*.png).
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import gcoord from 'gcoord'
import type { Browser, Page } from 'playwright-core'
import type { ReportView } from '../../src/domain/reports'
import type { ShiftDetail } from '../../src/domain/patrols'
import type { VolunteerStats } from '../../src/domain/volunteers'
import type { MessagePage } from '../../src/domain/messages'
import { DEMO_GRID_CENTRES } from '../../cloud/seed/demoData'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, fillField, launchBrowser, loginAs, pageWithSession, phoneContext, shot, useLargestFont } from './harness'

interface Login {
  token: string
  expiresAt: string
  user: { id: string; name: string }
}

let server: ServerProcess
let browser: Browser
let dir: string
let clockFile: string

before(async () => {
  rmSync(join(SHOTS_DIR, 'patrols'), { recursive: true, force: true })
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-patrols-'))
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

/** The browser reports WGS-84; areas are kept in GCJ-02 (what WeChat's maps use). */
function wgs84Of(p: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  const [longitude, latitude] = gcoord.transform([p.longitude, p.latitude], gcoord.GCJ02, gcoord.WGS84) as [number, number]
  return { latitude, longitude }
}

/** 'YYYY-MM-DD HH:mm' in Beijing time, what the phone (Asia/Shanghai) shows. */
function beijing(ms: number): { date: string; hour: number; minute: number } {
  const d = new Date(ms + 8 * 3600_000)
  return { date: d.toISOString().slice(0, 10), hour: d.getUTCHours(), minute: d.getUTCMinutes() }
}

/** Drags one column of Taro's H5 picker by `rows` (positive: to later values), 34 px a row, two rows a drag. */
async function dragColumn(page: Page, column: number, rows: number): Promise<void> {
  const col = page.locator('.weui-picker__group >> visible=true').nth(column)
  for (let left = rows; left !== 0; ) {
    const step = Math.max(-2, Math.min(2, left))
    const box = await col.boundingBox()
    assert.ok(box, 'the picker column is shown')
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let i = 1; i <= 6; i++) await page.mouse.move(x, y - (step * 34 * i) / 6)
    await page.mouse.up()
    await page.waitForTimeout(350)
    left -= step
  }
}

/** Sets a DateTimeField through its own pickers: the time picker starts at 09:00, the date one at today. */
async function pickStart(page: Page, testid: string, at: { date: string; hour: number; minute: number }): Promise<void> {
  const today = beijing(Date.now()).date
  if (at.date !== today) {
    await byTestId(page, `${testid}-date`).click()
    await page.locator('.weui-picker__group >> visible=true').first().waitFor()
    await page.waitForTimeout(600)
    await dragColumn(page, 2, Number(at.date.slice(8)) - Number(today.slice(8)))
    await page.locator('.weui-picker__action >> visible=true', { hasText: '确定' }).click()
  }
  await byTestId(page, `${testid}-time`).click()
  await page.locator('.weui-picker__group >> visible=true').first().waitFor()
  await page.waitForTimeout(600)
  await dragColumn(page, 0, at.hour - 9)
  await dragColumn(page, 1, at.minute)
  await page.locator('.weui-picker__action >> visible=true', { hasText: '确定' }).click()
  await page.waitForTimeout(400)
  const hh = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`
  assert.equal(await byTestId(page, `${testid}-time`).innerText(), hh, 'the time picker took the start time')
}

async function openDetail(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/#/packages/patrols/detail/index?id=${id}`)
  await byTestId(page, 'shift-detail').waitFor()
}

async function sessionOf(page: Page): Promise<Login> {
  return page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('gongzhi.session') || '{}').data))
}

test('schedule → sign up → waitlist → promotion → check-in refused off site, accepted on site → 发现隐患 → check-out → hours', async () => {
  const centre = DEMO_GRID_CENTRES.g_jj_1!
  const onSite = wgs84Of(centre)

  // --- the committee schedules a shift for one volunteer, starting a little over 3 hours from now ---
  const context = await phoneContext(browser)
  await context.grantPermissions(['geolocation'], { origin: server.url })
  await context.setGeolocation({ ...onSite, accuracy: 10 })
  const committee = await context.newPage()
  await loginAs(committee, server.url, 'committee')
  await committee.getByText('巡逻', { exact: true }).last().click()
  await byTestId(committee, 'patrol-home').waitFor()
  await byTestId(committee, 'patrol-schedule').click()
  await byTestId(committee, 'schedule-form').waitFor()
  await fillField(committee, 'input-title', '午间治安巡逻')
  await fillField(committee, 'input-meeting', '锦江社区服务中心门口')
  await fillField(committee, 'input-note', '穿红马甲，带手电；王队长带队')
  await byTestId(committee, 'centre-take').click()
  await byTestId(committee, 'centre-picked').waitFor()
  const startMs = Math.ceil((Date.now() + 3 * 3600_000 + 10 * 60_000) / 300_000) * 300_000
  await pickStart(committee, 'start-at', beijing(startMs))
  await fillField(committee, 'input-capacity', '1')
  await shot(committee, 'patrols/01-schedule-form')
  await byTestId(committee, 'schedule-submit').click()
  await committee.waitForURL(/packages\/patrols\/detail/)
  await byTestId(committee, 'shift-detail').waitFor()
  const id = new URL(committee.url().replace('#/', '')).searchParams.get('id')
  assert.ok(id)
  const committeeLogin = await sessionOf(committee)
  const created = await call<ShiftDetail>('shift.get', { id }, committeeLogin.token)
  assert.equal(Date.parse(created.startAt), startMs)
  assert.equal(created.capacity, 1)
  assert.equal(created.area.radius, 300)
  assert.ok(Math.abs(created.area.latitude - centre.latitude) < 1e-5 && Math.abs(created.area.longitude - centre.longitude) < 1e-5, 'the centre is where the committee stood, in GCJ-02')

  // --- volunteer A signs up: confirmed ---
  const aLogin = await login('volunteer', { name: '张建国', gridId: 'g_jj_1' })
  const a = await pageWithSession(browser, server.url, aLogin)
  await openDetail(a, id)
  assert.equal(await byTestId(a, 'shift-signup').innerText(), '报名')
  await byTestId(a, 'shift-signup').click()
  assert.equal(await byTestId(a, 'shift-notice').innerText(), '报名成功，请按时到岗签到')
  await byTestId(a, 'shift-withdraw').waitFor()
  assert.equal(await byTestId(a, 'shift-my-status').innerText(), '已报名')
  await shot(a, 'patrols/03-detail-confirmed')

  // --- volunteer B finds it full on the tab and joins the waitlist: position 1 ---
  const bLogin = await login('volunteer', { name: '李秀英', gridId: 'g_jj_1' })
  const b = await pageWithSession(browser, server.url, bLogin)
  await b.context().grantPermissions(['geolocation'], { origin: server.url })
  await b.getByText('巡逻', { exact: true }).last().click()
  const card = b.locator(`[data-testid="shift-card"][data-id="${id}"] >> visible=true`)
  await card.waitFor()
  assert.equal(await card.locator('[data-testid="shift-seats"]').innerText(), '已满')
  assert.equal(await card.locator('[data-testid="shift-signup"]').innerText(), '加入候补')
  await card.locator('[data-testid="shift-signup"]').click()
  await card.locator('[data-testid="shift-my-status"]').waitFor()
  assert.equal(await card.locator('[data-testid="shift-my-status"]').innerText(), '候补第 1 位')
  await card.scrollIntoViewIfNeeded()
  await shot(b, 'patrols/02-tab')
  await card.locator('[data-testid="shift-title"]').click()
  await byTestId(b, 'shift-detail').waitFor()
  await b.waitForTimeout(600) // the page slides in
  assert.equal(await byTestId(b, 'waitlist-position').innerText(), '候补第 1 位')
  await shot(b, 'patrols/04-detail-waitlisted')

  // --- A withdraws before the cut-off; B is promoted at once and told ---
  await byTestId(a, 'shift-withdraw').click()
  await byTestId(a, 'withdraw-confirm').click()
  assert.equal(await byTestId(a, 'shift-notice').innerText(), '已取消报名')
  await b.reload()
  await byTestId(b, 'shift-detail').waitFor()
  assert.equal(await byTestId(b, 'shift-my-status').innerText(), '已报名')
  const messages = await call<MessagePage>('message.list', {}, bLogin.token)
  const promoted = messages.items.find((m) => m.target?.type === 'shift' && m.target.id === id)
  assert.ok(promoted, 'B has a message about the promotion')
  assert.match(promoted.title, /候补成功/)
  await b.goto(`${server.url}/#/packages/messages/index/index`)
  await b.locator('[data-testid="message"] >> visible=true', { hasText: '候补成功' }).click()
  await b.waitForURL(/packages\/patrols\/detail/)
  await byTestId(b, 'shift-detail').waitFor()

  // --- 10 minutes before the start (the server's clock): check-in is open ---
  writeFileSync(clockFile, String(startMs - 10 * 60_000 - Date.now()))
  await b.context().setGeolocation({ latitude: onSite.latitude + 0.02, longitude: onSite.longitude, accuracy: 20 })
  await b.reload()
  await byTestId(b, 'shift-checkin').click()
  await byTestId(b, 'checkin-refusal').waitFor()
  assert.equal(await byTestId(b, 'checkin-refusal-title').innerText(), '不在巡逻区域')
  assert.match(await byTestId(b, 'checkin-refusal-text').innerText(), /^您离巡逻区域中心约 2\d{3} 米，要在 300 米范围内才能签到/)
  await shot(b, 'patrols/05-checkin-refused')
  await b.context().setGeolocation({ ...onSite, accuracy: 15 })
  await byTestId(b, 'shift-checkin').click()
  await byTestId(b, 'checked-in').waitFor()
  assert.match(await byTestId(b, 'shift-notice').innerText(), /^签到成功（离区域中心约 \d+ 米）$/)
  await shot(b, 'patrols/06-checked-in')

  // --- 发现隐患 becomes a 随手拍 report, linked to the shift ---
  await byTestId(b, 'shift-incident').click()
  await byTestId(b, 'incident-form').waitFor()
  await byTestId(b, 'category-safety_hazard').click()
  await fillField(b, 'incident-description', '5号楼消防通道被三辆电动车堵住了')
  await shot(b, 'patrols/07-incident-form')
  await byTestId(b, 'incident-submit').click()
  await byTestId(b, 'incident-done').waitFor()
  await shot(b, 'patrols/08-incident-done')
  await byTestId(b, 'incident-open-report').click()
  await b.waitForURL(/packages\/reports\/detail/)
  await byTestId(b, 'report-detail').waitFor()
  assert.match(await byTestId(b, 'report-description').innerText(), /消防通道被三辆电动车堵住/)
  const reportId = new URL(b.url().replace('#/', '')).searchParams.get('id')
  const report = await call<ReportView>('report.get', { id: reportId }, bLogin.token)
  assert.equal(report.category, 'safety_hazard')
  assert.equal(report.gridId, 'g_jj_1', 'routed like any report, by where B stood')

  // --- an hour into the shift (the server's clock), check-out gives the hours ---
  writeFileSync(clockFile, String(startMs + 60 * 60_000 - Date.now()))
  await openDetail(b, id)
  await byTestId(b, 'shift-checkout').click()
  await byTestId(b, 'shift-done').waitFor()
  assert.match(await byTestId(b, 'shift-notice').innerText(), /^已签退，本次巡逻 1\.0 小时$/, 'from the start to an hour later')
  await shot(b, 'patrols/09-checked-out')
  // 我的巡逻记录 comes from shift.get: the 发现隐患 note is still there after leaving the page and coming back
  const myLogs = await byTestId(b, 'shift-logs').innerText()
  assert.match(myLogs, /发现隐患：5号楼消防通道被三辆电动车堵住了/)

  // --- 我的志愿 shows what volunteer.stats says ---
  await b.goto(`${server.url}/#/packages/patrols/mine/index`)
  await byTestId(b, 'volunteer-stats').waitFor()
  await byTestId(b, 'board-rows').waitFor()
  const stats = await call<VolunteerStats>('volunteer.stats', {}, bLogin.token)
  assert.equal(await byTestId(b, 'stat-total-value').innerText(), stats.hoursTotal.toFixed(1))
  assert.equal(await byTestId(b, 'stat-month-value').innerText(), stats.hoursThisMonth.toFixed(1))
  assert.equal(await byTestId(b, 'stat-done-value').innerText(), String(stats.shiftsDone))
  assert.equal(stats.shiftsDone, 1)
  const mine = b.locator(`[data-testid="my-shift"][data-id="${id}"] >> visible=true`)
  assert.match(await mine.innerText(), /已签退/)
  const myRow = b.locator('[data-testid="board-row"][data-me="true"] >> visible=true')
  assert.match(await myRow.innerText(), /李秀英（我）/)
  await shot(b, 'patrols/10-mine')
  await byTestId(b, 'volunteer-board').scrollIntoViewIfNeeded()
  await shot(b, 'patrols/11-board')

  // --- the committee's roster ---
  await committee.reload()
  await byTestId(committee, 'shift-roster').waitFor()
  const roster = await byTestId(committee, 'shift-roster').innerText()
  assert.match(roster, /李秀英/)
  assert.match(roster, /已签退/)
  assert.doesNotMatch(roster, /张建国/, 'who withdrew is off the roster')
  await byTestId(committee, 'shift-roster').scrollIntoViewIfNeeded()
  await shot(committee, 'patrols/12-roster')
  // the committee reads what its volunteers saw, by name, with the report it became
  await byTestId(committee, 'shift-logs').scrollIntoViewIfNeeded()
  const logs = await byTestId(committee, 'shift-logs').innerText()
  assert.match(logs, /李秀英/)
  assert.match(logs, /发现隐患：5号楼消防通道/)
  await shot(committee, 'patrols/12b-logs')
  await byTestId(committee, 'log-report').click()
  await committee.waitForURL(new RegExp(`packages/reports/detail/index\\?id=${reportId}`))
  await byTestId(committee, 'report-detail').waitFor()
  await committee.goBack()
  await byTestId(committee, 'shift-roster').waitFor()

  // --- WeChat's largest font: nothing sticks out sideways ---
  await useLargestFont(b)
  await assertNoHorizontalOverflow(b)
  await shot(b, 'patrols/13-largest-mine')
  await useLargestFont(committee)
  await assertNoHorizontalOverflow(committee)
  await shot(committee, 'patrols/13-largest-detail')
  await b.goto(`${server.url}/#/pages/patrol/index`)
  await byTestId(b, 'shift-list').waitFor()
  await useLargestFont(b)
  await assertNoHorizontalOverflow(b)
  await shot(b, 'patrols/13-largest-tab')
})
