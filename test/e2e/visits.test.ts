// Issue 17's 入户走访 in real Chromium at a phone viewport, against the H5 build served by the real server on a fresh
// SQLite file (the demo seed: 第一网格 has 10 households, 3 visited this quarter, 1栋1单元302 an overdue 独居老人):
// the 网格员 opens 网格工作 → 入户走访, sees the households not visited yet (never visited first), records a visit to one
// through the form finding a 安全隐患 and 转为随手拍上报; the report is on its page and in the grid's queue, linked
// to the visit; the household leaves the not-yet-visited list; the committee's 走访覆盖 moves from 3/10 to 4/10.
// Screenshots go to test-results/e2e/visits/.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { ReportView } from '../../src/domain/reports'
import type { VisitListPage } from '../../src/domain/visits'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, fillField, launchBrowser, pageWithSession, shot, startServer, useLargestFont, type RunningServer } from './harness'

interface Login {
  token: string
  expiresAt: string
  user: { id: string; gridId: string | null }
}

let server: RunningServer
let browser: Browser

before(async () => {
  rmSync(join(SHOTS_DIR, 'visits'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const login = (role: string, extra: Record<string, unknown> = {}) => api<Login>(server.url, 'auth.devLogin', { role, ...extra })

/** 第一网格's line on 走访覆盖: 已走访 n/10 户 … */
async function gridCoverage(page: Page): Promise<string> {
  const row = byTestId(page, 'coverage-grid-g_jj_1')
  await row.waitFor()
  return row.innerText()
}

test('the 网格员 visits a household not yet visited, finds a 安全隐患 and raises it; the committee sees coverage move', async () => {
  const workerLogin = await login('gridWorker', { name: '林晓燕', gridId: 'g_jj_1' })
  const committeeLogin = await login('committee', { name: '陈秀兰' })

  // the committee's 走访覆盖 before: the seed's three visits in 第一网格 this quarter
  const committee = await pageWithSession(browser, server.url, committeeLogin)
  await committee.goto(`${server.url}/#/pages/me/index`)
  await byTestId(committee, 'desk-visit-coverage').click()
  await byTestId(committee, 'visit-coverage').waitFor()
  assert.match(await gridCoverage(committee), /3\/10 户\s+30%\s+还差 7 户没走访/)

  // --- the 网格员: 我的 → 网格工作 → 入户走访 ---
  const worker = await pageWithSession(browser, server.url, workerLogin)
  await worker.goto(`${server.url}/#/pages/me/index`)
  await byTestId(worker, 'desk-gridWorker').waitFor()
  assert.equal(await byTestId(worker, 'desk-title').innerText(), '网格工作')
  // the overdue 独居老人 is the desk's 走访 figure, next to 待办问题
  await byTestId(worker, 'desk-visits-figure').filter({ hasText: '1 户到期' }).waitFor()
  await byTestId(worker, 'desk-visit-group').scrollIntoViewIfNeeded()
  await shot(worker, 'visits/01-desk')

  await byTestId(worker, 'desk-visits').click()
  await byTestId(worker, 'visit-work').waitFor()
  assert.match(await byTestId(worker, 'visit-progress').innerText(), /已走访 3\/10 户/)
  assert.match(await byTestId(worker, 'visit-due').innerText(), /独居老人：独居，行动不便，子女在外地（每 14 天探访，20 天前走访）/)
  const pending = worker.locator('[data-testid^="visit-pending-h_"] >> visible=true')
  await pending.first().waitFor()
  assert.equal(await pending.count(), 7, 'the seven households of 第一网格 not visited this quarter')
  // never visited first: the list opens with households no one has been to
  assert.match(await pending.first().innerText(), /从未走访/)
  await assertNoHorizontalOverflow(worker)
  await shot(worker, 'visits/02-not-visited')

  // the first of them: 记录走访 opens with the household chosen
  const householdId = ((await pending.first().getAttribute('data-testid')) ?? '').replace('visit-pending-', '')
  assert.match(householdId, /^h_jj_1_\d\d$/)
  const label = (await pending.first().innerText()).split('\n')[0]!.trim()
  await pending.first().click()
  await byTestId(worker, 'visit-form').waitFor()
  await worker.waitForFunction((id) => document.querySelector(`[data-testid="visit-household-${id}"]`)?.getAttribute('aria-checked') === 'true', householdId)
  assert.match(await byTestId(worker, 'visit-form').innerText(), new RegExp(`已选：${label.replace(/\s+/g, '\\s*')}`))

  await fillField(worker, 'visit-met', '户主和老伴')
  await byTestId(worker, 'visit-finding-hazard').click()
  await fillField(worker, 'visit-note', '厨房燃气软管老化开裂，已提醒先关总阀，不要使用燃气灶。')
  await byTestId(worker, 'visit-raise-toggle').click()
  // the finding suggests the report's category
  await worker.waitForFunction(() => document.querySelector('[data-testid="visit-category-safety_hazard"]')?.getAttribute('aria-checked') === 'true')
  await fillField(worker, 'visit-description', '住户厨房燃气软管老化开裂，有漏气风险，需要燃气公司上门更换')
  await byTestId(worker, 'visit-raise').scrollIntoViewIfNeeded()
  await assertNoHorizontalOverflow(worker)
  await shot(worker, 'visits/03-form-hazard')
  await byTestId(worker, 'visit-submit').click()

  await byTestId(worker, 'visit-done').waitFor()
  assert.match(await byTestId(worker, 'visit-done').innerText(), /走访已记录/)
  assert.match(await byTestId(worker, 'visit-done').innerText(), /发现的问题已生成随手拍/)
  await shot(worker, 'visits/04-recorded')

  // the report it became: its own page, 安全隐患 in 第一网格, 待受理
  await byTestId(worker, 'visit-open-report').click()
  await worker.waitForURL(/packages\/reports\/detail/)
  await byTestId(worker, 'report-detail').waitFor()
  const reportId = new URL(worker.url().replace('#/', '')).searchParams.get('id')
  assert.ok(reportId)
  assert.match(await byTestId(worker, 'report-description').innerText(), /燃气软管老化开裂/)
  assert.equal(await byTestId(worker, 'deadline-status').innerText(), '待受理')
  await shot(worker, 'visits/05-report')
  const report = await api<ReportView>(server.url, 'report.get', { id: reportId }, workerLogin.token)
  assert.equal(report.category, 'safety_hazard')
  assert.equal(report.gridId, 'g_jj_1')
  assert.equal(report.status, 'submitted')

  // the visit is in the household's 走访档案, linked to the report
  const file = await api<VisitListPage>(server.url, 'visit.list', { householdId }, workerLogin.token)
  assert.equal(file.items.length, 1)
  assert.equal(file.items[0]!.finding, 'hazard')
  assert.equal(file.items[0]!.reportId, reportId)
  assert.equal(file.items[0]!.visitorName, '林晓燕')

  // back (the form made way for the report): 入户走访 again, and the household has left the not-yet-visited list
  await worker.locator('#taro-navigation-bar .taro-navigation-bar-back').click()
  await byTestId(worker, 'visit-work').waitFor()
  await byTestId(worker, 'visit-progress').filter({ hasText: '已走访 4/10 户' }).waitFor()
  assert.equal(await worker.locator(`[data-testid="visit-pending-${householdId}"] >> visible=true`).count(), 0)
  assert.equal(await worker.locator('[data-testid^="visit-pending-h_"] >> visible=true').count(), 6)

  // the grid's queue holds it
  await worker.goto(`${server.url}/#/packages/reports/queue/index`)
  const row = worker.locator(`[data-testid="report-row"][data-id="${reportId}"] >> visible=true`)
  await row.waitFor()
  assert.match(await row.innerText(), /安全隐患/)
  await shot(worker, 'visits/06-queue')

  // --- the committee: back to 社区工作 and 走访覆盖 again: it moved, and the new 网格员 has one visit ---
  await committee.locator('#taro-navigation-bar .taro-navigation-bar-back').click()
  // the old 走访覆盖 page is gone before the desk opens a new one (else both are on screen for a moment)
  await byTestId(committee, 'visit-coverage').waitFor({ state: 'hidden' })
  await byTestId(committee, 'desk-visit-coverage').click()
  await byTestId(committee, 'visit-coverage').waitFor()
  assert.match(await gridCoverage(committee), /4\/10 户\s+40%\s+还差 6 户没走访/)
  assert.match(await byTestId(committee, `coverage-worker-${workerLogin.user.id}`).innerText(), /林晓燕：走访 1 次，1 户/)
  await assertNoHorizontalOverflow(committee)
  await shot(committee, 'visits/07-coverage')

  // WeChat's largest font: the list and coverage still fit the phone's width
  await worker.locator('#taro-navigation-bar .taro-navigation-bar-back').click()
  await byTestId(worker, 'visit-work').waitFor()
  await useLargestFont(worker)
  await assertNoHorizontalOverflow(worker)
  await shot(worker, 'visits/08-not-visited-largest')
  await useLargestFont(committee)
  await assertNoHorizontalOverflow(committee)
  await shot(committee, 'visits/09-coverage-largest')
})
