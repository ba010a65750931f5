// Issue 17's 联动 journey in real Chromium at a phone viewport, against the H5 build served by the real server:
// a 网格员 visiting a household finds a missing manhole cover and raises it as a report in the same step (入户走访);
// the committee dispatches it to the street's 城管 with a deadline in working days (交办); the department's officer
// finds it in the department's queue, accepts and resolves it as 城管 (not by name); a resident of the grid sees every
// step on the timeline; its reporter rates the whole handling. Screenshots go to test-results/e2e/linkage/.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { ReportView } from '../../src/domain/reports'
import { SHOTS_DIR, api, byTestId, launchBrowser, pageWithSession, shot, staffAct, startServer, type RunningServer } from './harness'

interface Login {
  token: string
  expiresAt: string
  user: { id: string; gridId: string | null }
}

let server: RunningServer
let browser: Browser

before(async () => {
  rmSync(join(SHOTS_DIR, 'linkage'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const login = (role: string, extra: Record<string, unknown> = {}) => api<Login>(server.url, 'auth.devLogin', { role, ...extra })
const CHENGGUAN = 'dep_demo_chengguan' // the demo street's 城管 (cloud/seed/seedDepartments.ts)

test('入户走访 finds a hazard → report → 交办 to 城管 → the department accepts and resolves → seen by residents, rated', async () => {
  const workerLogin = await login('gridWorker', { name: '孙丽', gridId: 'g_jj_1' })
  const committeeLogin = await login('committee', { name: '陈秀兰' })
  const streetLogin = await login('street', { name: '赵明' })
  const officerLogin = await login('department', { name: '张磊' })
  const neighbourLogin = await login('resident', { name: '赵桂芳', gridId: 'g_jj_1' })
  await api(server.url, 'department.addMember', { departmentId: CHENGGUAN, userId: officerLogin.user.id }, streetLogin.token)

  // the visit and its finding, one step
  const logged = await api<{ visitId: string; reportId?: string }>(
    server.url,
    'visit.log',
    {
      householdId: 'h_jj_1_01',
      visitedAt: new Date(Date.now() - 60_000).toISOString(),
      met: '户主',
      finding: 'hazard',
      note: '户主反映门前人行道井盖丢了好几天',
      raiseReport: { category: 'facility', description: '1栋门前人行道的井盖缺失，夜里老人容易踩空，请尽快补上' },
    },
    workerLogin.token,
  )
  assert.ok(logged.reportId, 'the visit raised a report')
  const id = logged.reportId

  // 交办 by the committee, on the report's page
  const committee = await pageWithSession(browser, server.url, committeeLogin)
  await committee.goto(`${server.url}/#/packages/reports/detail/index?id=${id}`)
  await byTestId(committee, 'dispatch-open').click()
  await byTestId(committee, `dispatch-dept-${CHENGGUAN}`).click()
  await byTestId(committee, 'dispatch-days-3').click()
  await shot(committee, 'linkage/01-dispatch-sheet')
  await byTestId(committee, 'dispatch-submit').click()
  await byTestId(committee, 'dispatch-info').waitFor()
  assert.match(await byTestId(committee, 'dispatch-info').innerText(), /已交办：城管（待部门受理）/)
  await shot(committee, 'linkage/02-dispatched')

  // the department: its queue, then 受理 and 办结 on the report
  const officer = await pageWithSession(browser, server.url, officerLogin)
  await officer.goto(`${server.url}/#/packages/departments/queue/index`)
  const row = officer.locator(`[data-testid="report-row"][data-id="${id}"] >> visible=true`)
  await row.waitFor()
  await shot(officer, 'linkage/03-department-queue')
  await row.click()
  await byTestId(officer, 'staff-panel').waitFor()
  await staffAct(officer, 'accept')
  await staffAct(officer, 'resolve', { note: '已补装新井盖并加固，周边路面已清理' })
  const resolved = await api<ReportView>(server.url, 'report.get', { id }, committeeLogin.token)
  assert.equal(resolved.status, 'resolved')

  // a resident of the grid: every step, the department by its name (never the officer's)
  const neighbour = await pageWithSession(browser, server.url, neighbourLogin)
  await neighbour.goto(`${server.url}/#/packages/reports/detail/index?id=${id}`)
  await byTestId(neighbour, 'timeline').waitFor()
  const steps = await byTestId(neighbour, 'timeline').innerText()
  assert.match(steps, /城管/)
  assert.match(steps, /已补装新井盖/)
  assert.doesNotMatch(steps, /张磊/)
  await byTestId(neighbour, 'timeline').scrollIntoViewIfNeeded()
  await shot(neighbour, 'linkage/04-resident-timeline')

  // its reporter (the 网格员 who raised it for the household) rates the whole handling
  const reporter = await pageWithSession(browser, server.url, workerLogin)
  await reporter.goto(`${server.url}/#/packages/reports/detail/index?id=${id}`)
  await byTestId(reporter, 'rate-card').waitFor()
  await byTestId(reporter, 'star-5').click()
  await byTestId(reporter, 'rate-submit').click()
  await byTestId(reporter, 'report-rating').waitFor()
  const rated = await api<ReportView>(server.url, 'report.get', { id }, committeeLogin.token)
  assert.equal(rated.rating?.score, 5)
  await shot(reporter, 'linkage/05-rated')
})
