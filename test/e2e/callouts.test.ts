// Issue 18's 社会动员 journey in real Chromium at a phone viewport (geolocation emulated), against the H5 build served
// by the real server on a fresh SQLite file: the committee issues a call-out through 工作台 → 发起动员 to 第一网格 →
// a volunteer of that grid opens it from 消息 and answers 能来 with a task → a second volunteer finds it from the 巡逻
// tab and answers 来不了 → the committee sees the headcount per task and who has not answered → [server clock moved
// to 5 minutes before the start] → the first volunteer 报到 off site (refused with the distance), then on site
// (accepted) → the committee's live headcount shows them checked in.
// The server's clock is moved by test/e2e/patrolClock.mjs (a preload); the browser keeps the real time.
// Screenshots go to test-results/e2e/callouts/ (the chosen ones are copied to docs/screenshots/callouts-*.png).
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import gcoord from 'gcoord'
import type { Browser, Page } from 'playwright-core'
import type { CalloutDetail } from '../../src/domain/callouts'
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
  rmSync(join(SHOTS_DIR, 'callouts'), { recursive: true, force: true })
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-callouts-'))
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

/** Sets a DateTimeField through its own pickers: the date picker starts at today, the time one at 09:00. */
async function pickDateTime(page: Page, testid: string, at: { date: string; hour: number; minute: number }): Promise<void> {
  const today = beijing(Date.now()).date
  await byTestId(page, `${testid}-date`).scrollIntoViewIfNeeded()
  await byTestId(page, `${testid}-date`).click()
  await page.locator('.weui-picker__group >> visible=true').first().waitFor()
  await page.waitForTimeout(600)
  await dragColumn(page, 2, Number(at.date.slice(8)) - Number(today.slice(8)))
  await page.locator('.weui-picker__action >> visible=true', { hasText: '确定' }).click()
  await page.waitForTimeout(400)
  await byTestId(page, `${testid}-time`).click()
  await page.locator('.weui-picker__group >> visible=true').first().waitFor()
  await page.waitForTimeout(600)
  await dragColumn(page, 0, at.hour - 9)
  await dragColumn(page, 1, at.minute)
  await page.locator('.weui-picker__action >> visible=true', { hasText: '确定' }).click()
  await page.waitForTimeout(400)
  const hh = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`
  assert.equal(await byTestId(page, `${testid}-time`).innerText(), hh, `the ${testid} time picker took ${hh}`)
  const [, m, d] = at.date.split('-').map(Number)
  assert.match(await byTestId(page, `${testid}-date`).innerText(), new RegExp(`${m}月${d}日$`), `the ${testid} date picker took ${at.date}`)
}

async function sessionOf(page: Page): Promise<Login> {
  return page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('gongzhi.session') || '{}').data))
}

const taskRow = (page: Page, taskId: string) => byTestId(page, `task-${taskId}`)

test('发起动员 → 能来 (from 消息) and 来不了 (from the 巡逻 tab) → headcount and 未回复 → 报到 refused off site, accepted on site → live headcount', async () => {
  const onSite = wgs84Of(DEMO_GRID_CENTRES.g_jj_1!)

  // the two volunteers of 第一网格 exist before the call-out (recipients are fixed when it is issued)
  const aLogin = await login('volunteer', { name: '张建国', gridId: 'g_jj_1' })
  const bLogin = await login('volunteer', { name: '李秀英', gridId: 'g_jj_1' })

  // --- the committee: 工作台 → 发起动员, standing at the 报到 point ---
  const context = await phoneContext(browser)
  await context.grantPermissions(['geolocation'], { origin: server.url })
  await context.setGeolocation({ ...onSite, accuracy: 10 })
  const committee = await context.newPage()
  await loginAs(committee, server.url, 'committee')
  await committee.goto(`${server.url}/#/pages/me/index`)
  await byTestId(committee, 'desk-callout-issue').click()
  await byTestId(committee, 'issue-form').waitFor()
  await byTestId(committee, 'kind-floodWatch').click()
  await fillField(committee, 'input-title', '汛期堤坝夜间值守')
  await fillField(committee, 'input-description', '连续降雨，锦江水位上涨。请穿雨衣、带手电，到堤坝北段集合。')
  await fillField(committee, 'input-place', '锦江堤坝北段')
  await byTestId(committee, 'centre-take').click()
  await byTestId(committee, 'centre-set').waitFor()
  await shot(committee, 'callouts/01-issue-form-top')
  const startMs = Math.ceil((Date.now() + 3 * 3600_000) / 300_000) * 300_000
  const endMs = startMs + 3 * 3600_000
  await pickDateTime(committee, 'start-at', beijing(startMs))
  await pickDateTime(committee, 'end-at', beijing(endMs))
  await byTestId(committee, 'grid-g_jj_1').click()
  await fillField(committee, 'task-name-0', '堤坝巡查')
  await fillField(committee, 'task-capacity-0', '4')
  await byTestId(committee, 'task-add').click()
  await fillField(committee, 'task-name-1', '沙袋搬运')
  await fillField(committee, 'task-capacity-1', '6')
  await shot(committee, 'callouts/01-issue-form-bottom')
  await byTestId(committee, 'issue-submit').click()
  await committee.waitForURL(/packages\/callouts\/detail/)
  await byTestId(committee, 'callout-detail').waitFor()
  const id = new URL(committee.url().replace('#/', '')).searchParams.get('id')
  assert.ok(id)
  const committeeLogin = await sessionOf(committee)
  const created = await call<CalloutDetail>('callout.get', { id }, committeeLogin.token)
  assert.equal(Date.parse(created.startAt), startMs)
  assert.equal(Date.parse(created.endAt), endMs)
  assert.deepEqual(created.gridIds, ['g_jj_1'])
  assert.deepEqual(
    created.tasks.map((t) => [t.name, t.capacity]),
    [
      ['堤坝巡查', 4],
      ['沙袋搬运', 6],
    ],
  )
  const [patrolTask, sandTask] = created.tasks
  assert.ok(patrolTask && sandTask)
  const unansweredAtFirst = created.unanswered!.map((p) => p.name)
  assert.ok(unansweredAtFirst.includes('张建国') && unansweredAtFirst.includes('李秀英'), 'both volunteers of the grid were called out')
  await shot(committee, 'callouts/02-issued')

  // --- volunteer A: 消息 → the call-out → 能来, 沙袋搬运 ---
  const aContext = await phoneContext(browser)
  await aContext.grantPermissions(['geolocation'], { origin: server.url })
  await aContext.addInitScript((value) => localStorage.setItem('gongzhi.session', JSON.stringify({ data: value })), JSON.stringify(aLogin))
  const a = await aContext.newPage()
  const messages = await call<MessagePage>('message.list', {}, aLogin.token)
  assert.ok(
    messages.items.some((m) => m.target?.type === 'callout' && m.target.id === id && m.title === '社区动员：汛期堤坝夜间值守'),
    'A was told',
  )
  await a.goto(`${server.url}/#/packages/messages/index/index`)
  const message = a.locator('[data-testid="message"] >> visible=true', { hasText: '社区动员：汛期堤坝夜间值守' })
  await message.waitFor()
  await shot(a, 'callouts/03-message')
  await message.click()
  await a.waitForURL(/packages\/callouts\/detail/)
  await byTestId(a, 'callout-detail').waitFor()
  assert.equal(await byTestId(a, 'my-answer').innerText(), '还没有回复')
  assert.equal(await byTestId(a, 'callout-unanswered').count(), 0, 'a volunteer does not see who has not answered')
  await byTestId(a, `pick-task-${sandTask.id}`).click()
  await byTestId(a, 'callout-my').scrollIntoViewIfNeeded()
  await shot(a, 'callouts/04-answer')
  await byTestId(a, 'answer-yes').click()
  await byTestId(a, 'callout-notice').filter({ hasText: '已回复能来，请按时到集合地点报到' }).waitFor()
  await byTestId(a, 'my-answer').filter({ hasText: '已回复：能来（沙袋搬运）' }).waitFor()
  await byTestId(a, 'callout-checkin').waitFor()
  assert.equal(await byTestId(a, 'answer-yes').innerText(), '换成这项任务', 'the answer is given; the button now changes it')
  await shot(a, 'callouts/05-answered-yes')

  // --- volunteer B: 巡逻 tab → 社区动员 → the call-out → 来不了 ---
  const b = await pageWithSession(browser, server.url, bLogin)
  await b.getByText('巡逻', { exact: true }).last().click()
  await byTestId(b, 'link-callouts').click()
  await byTestId(b, 'callout-list').waitFor()
  await byTestId(b, `callout-${id}`).click()
  await byTestId(b, 'callout-detail').waitFor()
  await byTestId(b, 'answer-no').click()
  await byTestId(b, 'my-answer').filter({ hasText: '已回复：来不了' }).waitFor()
  assert.equal(await byTestId(b, 'callout-checkin').count(), 0, 'no 报到 for who cannot come')

  // --- the committee: headcount per task, and who has not answered ---
  await committee.reload()
  await byTestId(committee, 'callout-detail').waitFor()
  assert.match(await taskRow(committee, sandTask.id).innerText(), /已报名 1\/6 人 · 已报到 0 人/)
  assert.match(await taskRow(committee, patrolTask.id).innerText(), /已报名 0\/4 人 · 已报到 0 人/)
  const answers = await byTestId(committee, 'callout-answers').innerText()
  const answeredView = await call<CalloutDetail>('callout.get', { id }, committeeLogin.token)
  assert.equal(answers, `共通知 ${answeredView.recipients} 人：能来 1 · 来不了 1 · 未回复 ${answeredView.recipients - 2}`)
  const unanswered = await byTestId(committee, 'callout-unanswered').innerText()
  assert.doesNotMatch(unanswered, /张建国|李秀英/, 'who answered is off the 未回复 list')
  for (const p of answeredView.unanswered!) assert.match(unanswered, new RegExp(p.name))
  await byTestId(committee, 'callout-tasks').scrollIntoViewIfNeeded()
  await shot(committee, 'callouts/06-headcount')
  await byTestId(committee, 'callout-unanswered').scrollIntoViewIfNeeded()
  await shot(committee, 'callouts/07-unanswered')

  // --- 5 minutes before the start (the server's clock): 报到 is open ---
  writeFileSync(clockFile, String(startMs - 5 * 60_000 - Date.now()))
  await aContext.setGeolocation({ latitude: onSite.latitude + 0.02, longitude: onSite.longitude, accuracy: 20 })
  await a.reload()
  await byTestId(a, 'callout-detail').waitFor()
  await byTestId(a, 'callout-checkin').click()
  await byTestId(a, 'checkin-error').waitFor()
  assert.match(await byTestId(a, 'checkin-error').innerText(), /^不在报到地点，距离约 2\d{3} 米（范围 300 米内可报到）$/)
  assert.equal(await byTestId(a, 'my-checkin').count(), 0)
  await byTestId(a, 'callout-my').scrollIntoViewIfNeeded()
  await shot(a, 'callouts/08-checkin-refused')
  await aContext.setGeolocation({ ...onSite, accuracy: 15 })
  await byTestId(a, 'callout-checkin').click()
  await byTestId(a, 'callout-notice').filter({ hasText: /^报到成功（离报到点约 \d+ 米）$/ }).waitFor()
  await byTestId(a, 'my-checkin').waitFor()
  assert.equal(await byTestId(a, 'callout-checkin').count(), 0)
  await byTestId(a, 'callout-notice').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await shot(a, 'callouts/09-checked-in')

  // --- the committee's live headcount ---
  await committee.reload()
  await byTestId(committee, 'callout-detail').waitFor()
  assert.match(await taskRow(committee, sandTask.id).innerText(), /已报名 1\/6 人 · 已报到 1 人/)
  const held = await call<CalloutDetail>('callout.get', { id }, committeeLogin.token)
  assert.equal(held.tasks.find((t) => t.id === sandTask.id)?.checkedIn, 1)
  const mine = await call<CalloutDetail>('callout.get', { id }, aLogin.token)
  assert.ok(mine.my?.checkinAt, 'the server holds A’s 报到')
  await byTestId(committee, 'callout-tasks').scrollIntoViewIfNeeded()
  await shot(committee, 'callouts/10-live-headcount')

  // --- WeChat's largest font: nothing sticks out sideways ---
  await useLargestFont(committee)
  await assertNoHorizontalOverflow(committee)
  await shot(committee, 'callouts/11-largest-committee')
  await useLargestFont(a)
  await assertNoHorizontalOverflow(a)
  await shot(a, 'callouts/11-largest-volunteer')
})
