// Journey 2 of issue 2, in real Chromium at a phone viewport, against the H5 build served by the real
// server on a fresh SQLite file: a committee member publishes a notice to one grid; a resident of that
// grid sees it on top of 首页, unread, opens it and taps 已知晓; a resident of another grid never sees it;
// the committee sees read and confirmation counts per grid. Screenshots go to test-results/e2e/.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'

const loginAs = (page: Page, role: string) => loginAt(page, server.url, role)
const pageWithSession = (session: unknown) => sessionPage(browser, server.url, session)
import {
  SHOTS_DIR,
  api,
  byTestId,
  fillField,
  launchBrowser,
  loginAs as loginAt,
  pageWithSession as sessionPage,
  phoneContext,
  shot,
  startServer,
  type RunningServer,
} from './harness'

let server: RunningServer
let browser: Browser
const TITLE = '本周六上午楼道消防检查'
const BODY = '社区将联合物业逐楼检查楼道堆物和电动车充电，请各户提前清理楼道杂物。'

before(async () => {
  rmSync(join(SHOTS_DIR, 'notices'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

test('committee publishes to one grid; its resident reads and confirms; another grid never sees it', async () => {
  // --- committee publishes ---
  const committee = await (await phoneContext(browser)).newPage()
  await loginAs(committee, 'committee')
  await shot(committee, 'notices/01-committee-home')
  const session = await committee.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('gongzhi.session') || '{}').data))
  const community = await api<{ grids: { id: string; name: string }[] }>(server.url, 'community.get', {}, session.token)
  const [targetGrid, otherGrid] = community.grids

  await byTestId(committee, 'publish-notice').click()
  await byTestId(committee, 'publish-form').waitFor()
  await fillField(committee, 'input-title', TITLE)
  await fillField(committee, 'input-body', BODY)
  await byTestId(committee, 'category-safety').click()
  await byTestId(committee, 'scope-grids').click()
  await byTestId(committee, `grid-${targetGrid.id}`).click()
  await byTestId(committee, 'toggle-pinned').click()
  await byTestId(committee, 'toggle-important').click()
  await shot(committee, 'notices/02-committee-publish-form')
  await byTestId(committee, 'publish-submit').click()
  // after publishing, the committee lands on the notice as residents will see it
  await byTestId(committee, 'notice-detail-title').getByText(TITLE).waitFor()
  await shot(committee, 'notices/03-committee-published-notice')

  // --- a resident of the targeted grid (dev login puts a resident in the community's first grid) ---
  const resident = await (await phoneContext(browser)).newPage()
  await loginAs(resident, 'resident')
  const firstCard = byTestId(resident, 'notice-card').first()
  assert.equal(await firstCard.locator('[data-testid="notice-title"]').innerText(), TITLE, 'the new pinned notice is on top')
  await firstCard.locator('[data-testid="notice-unread"]').waitFor()
  await firstCard.locator('[data-testid="notice-needs-confirm"]').waitFor()
  assert.match(await byTestId(resident, 'unread-count').innerText(), /\d+/)
  await shot(resident, 'notices/04-resident-home-unread')

  await firstCard.click()
  await byTestId(resident, 'notice-body').getByText(BODY).waitFor()
  await shot(resident, 'notices/05-resident-notice-detail')
  await byTestId(resident, 'confirm-notice').click()
  await byTestId(resident, 'confirmed-state').waitFor()
  await shot(resident, 'notices/06-resident-confirmed')

  // --- a resident of another grid never sees it ---
  const outsider = await api(server.url, 'auth.devLogin', { role: 'resident', gridId: otherGrid.id })
  const other = await pageWithSession(outsider)
  await byTestId(other, 'notice-list').or(byTestId(other, 'list-empty')).first().waitFor()
  assert.equal(await other.getByText(TITLE).count(), 0, 'a resident outside the scope does not see the notice')
  await shot(other, 'notices/07-other-grid-home')

  // --- committee sees the figures per grid ---
  await byTestId(committee, 'view-stats').click()
  await byTestId(committee, 'stats-totals').waitFor()
  const row = committee.locator(`[data-testid="stats-grid-row"][data-grid="${targetGrid.id}"]`)
  await row.waitFor()
  assert.equal(await committee.locator('[data-testid="stats-grid-row"]').count(), 1, 'only the targeted grid is in scope')
  assert.match(await byTestId(committee, 'stats-confirmed').innerText(), /1/)
  assert.match(await row.innerText(), new RegExp(targetGrid.name))
  assert.match(await byTestId(committee, 'stats-audience-explain').innerText(), /“应读”按人算，不按户算/)
  await shot(committee, 'notices/08-committee-stats')

  // --- who has not confirmed, to phone or visit: as many as the figure says (one page here) ---
  const summary = await byTestId(committee, 'unconfirmed-summary').innerText()
  const unconfirmed = Number(/共 (\d+) 个/.exec(summary)?.[1])
  assert.ok(unconfirmed > 0 && unconfirmed <= 20, summary)
  await byTestId(committee, 'unconfirmed-row').first().waitFor()
  assert.equal(await byTestId(committee, 'unconfirmed-row').count(), unconfirmed)
  await byTestId(committee, 'unconfirmed-card').scrollIntoViewIfNeeded()
  await shot(committee, 'notices/09-committee-unconfirmed')

  // --- what the committee wrote is not unread to it ---
  await committee.goto(`${server.url}/#/pages/index/index`)
  const own = committee.locator('[data-testid="notice-card"] >> visible=true', { hasText: TITLE })
  await own.waitFor()
  assert.equal(await own.locator('[data-testid="notice-unread"]').count(), 0)
})

test('street staff see every community under the street, each marked; a scheduled notice is not unread', async () => {
  const street = await (await phoneContext(browser)).newPage()
  await loginAs(street, 'street')
  const linjiang = street.locator('[data-testid="notice-card"] >> visible=true', { hasText: '临江村村民议事会通知' })
  assert.equal(await linjiang.locator('[data-testid="notice-community"]').innerText(), '临江村')
  const scheduled = street.locator('[data-testid="notice-card"] >> visible=true', { hasText: '社区邻里文艺汇演报名' })
  assert.equal(await scheduled.locator('[data-testid="notice-state"]').innerText(), '待发布')
  assert.equal(await scheduled.locator('[data-testid="notice-unread"]').count(), 0)
  await shot(street, 'notices/10-street-home')
})
