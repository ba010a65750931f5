// Issue 17's 党员干部联系户 in real Chromium at a phone viewport, against the H5 build served by the real server on a
// fresh SQLite file: on 我的 → 联系户管理 the committee finds a verified resident by name and names them a 党员 contact
// (设定联系人: phone published, a note), then assigns them a household of 第二网格 that has no contact; the cadre opens 我联系的住户 on 我的,
// logs a home visit and raises a report for the household (代为上报) through the forms; the report goes to the grid
// marked as raised on the household's behalf; a resident of that household sees 我家的联系人 on 我的, with the phone
// the cadre publishes and nothing of the logs.
// Screenshots go to test-results/e2e/contacts/.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { Session } from '../../src/domain/auth'
import type { ContactLogView } from '../../src/domain/contacts'
import type { ReportView } from '../../src/domain/reports'
import { addressText } from '../../src/domain/residents/address'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, fillField, launchBrowser, pageWithSession, shot, startServer, useLargestFont, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser

before(async () => {
  rmSync(join(SHOTS_DIR, 'contacts'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const login = (role: string, extra: Record<string, unknown> = {}) => api<Session>(server.url, 'auth.devLogin', { role, ...extra })

test('the committee assigns a 党员 to a household; the cadre logs a visit and raises a report on its behalf; the household sees its contact', async () => {
  const committeeLogin = await login('committee', { name: '陈秀兰' })
  // a verified resident of 第一网格 who agreed to keep in touch with neighbours
  const cadreLogin = await login('resident', { name: '何志明', gridId: 'g_jj_1' })
  await api(server.url, 'me.setPhone', { phone: '13912345678' }, cadreLogin.token)
  // a resident of 第二网格 (no demo contacts there): their household has no contact yet
  const residentLogin = await login('resident', { name: '赵桂芳', gridId: 'g_jj_2' })
  const home = residentLogin.user.household
  assert.ok(home)
  const address = addressText(home.building, home.unit, home.room)

  // --- the committee: 我的 → 联系户管理 → pick the cadre → 指派 the household ---
  const committee = await pageWithSession(browser, server.url, committeeLogin)
  await committee.goto(`${server.url}/#/pages/me/index`)
  await byTestId(committee, 'link-contact-overview').click()
  await byTestId(committee, 'contact-overview').waitFor()
  // 设定联系人: search by name, pick, 党员, publish the phone, a note, save
  await fillField(committee, 'cadre-search', '何志明')
  await byTestId(committee, 'cadre-search-submit').click()
  await byTestId(committee, `cadre-pick-${cadreLogin.user.id}`).click()
  await byTestId(committee, 'cadre-picked').filter({ hasText: '何志明' }).waitFor()
  await byTestId(committee, 'cadre-title-partyMember').click()
  await byTestId(committee, 'cadre-publish-phone').click()
  await fillField(committee, 'cadre-note', '晚上和周末都在家，有事随时找我')
  await shot(committee, 'contacts/00-set-cadre')
  await byTestId(committee, 'cadre-save').click()
  await byTestId(committee, 'cadre-set-done').filter({ hasText: '已把 何志明 设为党员联系人' }).waitFor()
  const cadreRow = byTestId(committee, 'cadre-row').filter({ hasText: '何志明' })
  await cadreRow.waitFor()
  assert.match(await cadreRow.innerText(), /联系 0 户/)
  await byTestId(committee, `pick-cadre-${cadreLogin.user.id}`).click()
  const household = byTestId(committee, 'uncovered-household').filter({ hasText: `第二网格 ${address}` })
  await household.scrollIntoViewIfNeeded()
  await shot(committee, 'contacts/01-overview-pick')
  const uncoveredBefore = Number((await byTestId(committee, 'uncovered').innerText()).match(/没有联系人的住户（(\d+)）/)?.[1])
  await household.locator('[data-testid="assign"]').click()
  await byTestId(committee, 'assign-done').filter({ hasText: `已把 第二网格 ${address} 指派给 何志明` }).waitFor()
  await cadreRow.filter({ hasText: '联系 1 户' }).waitFor()
  await byTestId(committee, 'uncovered').filter({ hasText: `没有联系人的住户（${uncoveredBefore - 1}）` }).waitFor()
  assert.equal(await byTestId(committee, 'uncovered-household').filter({ hasText: `第二网格 ${address}` }).count(), 0)
  await cadreRow.scrollIntoViewIfNeeded()
  await assertNoHorizontalOverflow(committee)
  await shot(committee, 'contacts/02-overview-assigned')

  // --- the cadre: 我的 → 我联系的住户 ---
  const cadre = await pageWithSession(browser, server.url, cadreLogin)
  await cadre.goto(`${server.url}/#/pages/me/index`)
  await byTestId(cadre, 'link-contact-households').filter({ hasText: '1 户，1 户超过一个月没联系' }).waitFor()
  await byTestId(cadre, 'link-contact-households').click()
  const card = byTestId(cadre, 'cadre-household')
  await card.waitFor()
  assert.match(await card.innerText(), new RegExp(`第二网格 ${address}`))
  assert.match(await card.innerText(), /还没有联系过/)
  assert.equal(await card.locator('[data-testid="household-due"]').innerText(), '该联系了')
  await shot(cadre, 'contacts/03-my-households')

  // 记录联系: a home visit, now
  await card.locator('[data-testid="household-log"]').click()
  await byTestId(cadre, 'log-contact-form').waitFor()
  assert.match(await byTestId(cadre, 'log-contact-form').innerText(), new RegExp(`记录与 ${address} 的联系`))
  await byTestId(cadre, 'kind-visit').click()
  await fillField(cadre, 'log-note', '上门看望，老两口身体还好；楼道灯坏了一个多月，老人晚上下楼怕摔，请我帮忙反映。')
  await shot(cadre, 'contacts/04-log-form')
  await byTestId(cadre, 'log-submit').click()
  // back on the list: contacted today, no longer due
  await byTestId(cadre, 'household-last').filter({ hasText: '上次联系：今天（走访）' }).waitFor()
  assert.equal(await byTestId(cadre, 'household-due').count(), 0)

  // 代为上报: the lamp, for the household
  await byTestId(cadre, 'household-raise').click()
  await byTestId(cadre, 'raise-form').waitFor()
  await byTestId(cadre, 'category-facility').click()
  await fillField(cadre, 'raise-description', '楼道声控灯坏了一个多月，老人晚上下楼看不清台阶，怕摔')
  await shot(cadre, 'contacts/05-raise-form')
  await byTestId(cadre, 'raise-submit').click()
  await cadre.waitForURL(/packages\/reports\/detail/)
  await byTestId(cadre, 'report-detail').waitFor()
  const reportId = new URL(cadre.url().replace('#/', '')).searchParams.get('id')
  assert.ok(reportId)
  await byTestId(cadre, 'timeline').filter({ hasText: '代为上报：由联系户党员代住户上报' }).waitFor()
  await byTestId(cadre, 'timeline').scrollIntoViewIfNeeded()
  await shot(cadre, 'contacts/06-raised-report')

  // the report: 设施损坏 in the household's grid, the cadre its reporter
  const report = await api<ReportView>(server.url, 'report.get', { id: reportId }, cadreLogin.token)
  assert.equal(report.category, 'facility')
  assert.equal(report.gridId, 'g_jj_2')
  assert.equal(report.status, 'submitted')
  // the log is there for staff
  const history = await api<{ items: ContactLogView[] }>(server.url, 'contact.history', { householdId: home.id }, committeeLogin.token)
  assert.equal(history.items.length, 1)
  assert.equal(history.items[0]!.kind, 'visit')
  assert.equal(history.items[0]!.cadreName, '何志明')

  // --- the household's resident: 我的 → 我家的联系人 ---
  const resident = await pageWithSession(browser, server.url, residentLogin)
  await resident.goto(`${server.url}/#/pages/me/index`)
  await byTestId(resident, 'my-contact').waitFor()
  assert.match(await byTestId(resident, 'contact-card').innerText(), /^我家的联系人/)
  assert.equal(await byTestId(resident, 'my-contact-name').innerText(), '何志明')
  assert.match(await byTestId(resident, 'my-contact').innerText(), /党员/)
  assert.equal(await byTestId(resident, 'my-contact-note').innerText(), '晚上和周末都在家，有事随时找我')
  assert.match(await byTestId(resident, 'my-contact-call').innerText(), /13912345678/)
  // the cadre's own links are not theirs, and the logs stay with staff
  assert.equal(await resident.locator('[data-testid="link-contact-households"]').count(), 0)
  assert.doesNotMatch(await resident.locator('body').innerText(), /老两口|楼道灯坏了一个多月/)
  await byTestId(resident, 'contact-card').scrollIntoViewIfNeeded()
  await assertNoHorizontalOverflow(resident)
  await shot(resident, 'contacts/07-my-contact')

  // WeChat's largest font: the card and the cadre's list still fit the phone's width
  await useLargestFont(resident)
  await assertNoHorizontalOverflow(resident)
  await shot(resident, 'contacts/08-my-contact-largest')
  await cadre.locator('#taro-navigation-bar .taro-navigation-bar-back').click()
  await byTestId(cadre, 'cadre-households').waitFor()
  await useLargestFont(cadre)
  await assertNoHorizontalOverflow(cadre)
  await shot(cadre, 'contacts/09-my-households-largest')
})
