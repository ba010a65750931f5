// Issue 17's 联席会议 and 包保 in real Chromium at a phone viewport, against the H5 build served by the real server:
// a dispute the 网格员 could not settle is escalated to 社区; the committee accepts it, records a joint meeting with
// a follow-up task through the form, names itself the 包保 responsible; the task and the dispute are on its work
// desk; the resident sees on the timeline that a meeting took place and its outcome, never the minutes.
// Screenshots go to test-results/e2e/meetings/.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { ReportView } from '../../src/domain/reports'
import { SHOTS_DIR, api, byTestId, fillField, launchBrowser, pageWithSession, shot, staffAct, startServer, type RunningServer } from './harness'

interface Login {
  token: string
  expiresAt: string
  user: { id: string; gridId: string | null }
}

let server: RunningServer
let browser: Browser

before(async () => {
  rmSync(join(SHOTS_DIR, 'meetings'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const login = (role: string, extra: Record<string, unknown> = {}) => api<Login>(server.url, 'auth.devLogin', { role, ...extra })

/** Taro's H5 picker: opened by a tap on its field, confirmed on the first row. */
async function pickFirst(page: Page, testid: string): Promise<void> {
  await byTestId(page, testid).click()
  await page.locator('.weui-picker__group >> visible=true').first().waitFor()
  await page.waitForTimeout(500)
  await page.locator('.weui-picker__action >> visible=true', { hasText: '确定' }).click()
  await page.waitForTimeout(400)
}

test('a dispute at 社区: 联席会议 with a task, 包保 named; the desk lists both; the resident sees only that it was held', async () => {
  const residentLogin = await login('resident', { name: '赵桂芳', gridId: 'g_jj_1' })
  const workerLogin = await login('gridWorker', { name: '孙丽', gridId: 'g_jj_1' })
  const committeeLogin = await login('committee', { name: '陈秀兰' })
  const dispute = await api<ReportView>(
    server.url,
    'report.create',
    { category: 'dispute', description: '楼道里堆满邻居家的杂物和电动车，几户人家协商多次没有结果', gridId: 'g_jj_1' },
    residentLogin.token,
  )
  await api(server.url, 'report.transition', { id: dispute.id, action: 'accept' }, workerLogin.token)
  await api(server.url, 'report.transition', { id: dispute.id, action: 'escalate', note: '涉及多户和物业，需社区出面' }, workerLogin.token)

  const committee = await pageWithSession(browser, server.url, committeeLogin)
  await committee.goto(`${server.url}/#/packages/reports/detail/index?id=${dispute.id}`)
  await byTestId(committee, 'staff-panel').waitFor()
  await staffAct(committee, 'accept')
  await byTestId(committee, 'staff-meeting').click()
  await byTestId(committee, 'meeting-save').waitFor()
  await fillField(committee, 'meeting-place', '锦江社区议事厅')
  await fillField(committee, 'meeting-departments', '物业服务中心、派出所')
  await fillField(committee, 'attendee-0-name', '赵桂芳')
  await fillField(committee, 'attendee-0-role', '5栋302')
  await fillField(committee, 'attendee-1-name', '钱国强')
  await fillField(committee, 'attendee-1-role', '5栋402')
  await fillField(committee, 'meeting-decision', '402 户三天内清理楼道杂物，电动车改停北侧车棚；物业周五复查。')
  await byTestId(committee, 'meeting-outcome-partly').click()
  await byTestId(committee, 'task-add').click()
  await fillField(committee, 'task-0-text', '周五前到楼道复查')
  await pickFirst(committee, 'task-0-owner')
  assert.match(await byTestId(committee, 'task-0-owner').innerText(), /我自己/)
  await shot(committee, 'meetings/01-meeting-form')
  await byTestId(committee, 'meeting-save').click()

  // back on the report: the minutes for staff
  await byTestId(committee, 'meetings-card').waitFor()
  assert.equal(await byTestId(committee, 'meeting-outcome').innerText(), '部分达成一致')
  assert.match(await byTestId(committee, 'meeting-attendees').innerText(), /钱国强/)
  // 包保: the committee names itself
  await byTestId(committee, 'responsible-open').click()
  await pickFirst(committee, 'responsible-pick')
  await byTestId(committee, 'responsible-who').filter({ hasText: '包保责任人：社区 陈秀兰' }).waitFor()
  await byTestId(committee, 'meetings-card').scrollIntoViewIfNeeded()
  await shot(committee, 'meetings/02-minutes-for-staff')

  // the desk: the task and the dispute answered for
  await committee.goto(`${server.url}/#/packages/workspace/index/index`)
  await byTestId(committee, 'my-meeting-tasks').waitFor()
  assert.match(await byTestId(committee, 'my-meeting-tasks').innerText(), /周五前到楼道复查/)
  assert.match(await byTestId(committee, 'my-disputes').innerText(), /矛盾纠纷/)
  await shot(committee, 'meetings/03-desk')

  // the resident: that a meeting took place and its outcome, the 包保 responsible; no names, no decision
  const resident = await pageWithSession(browser, server.url, residentLogin)
  await resident.goto(`${server.url}/#/packages/reports/detail/index?id=${dispute.id}`)
  await byTestId(resident, 'timeline').waitFor()
  const timeline = await byTestId(resident, 'timeline').innerText()
  assert.match(timeline, /\d+月\d+日召开联席会议，2 个部门参加：部分达成一致/)
  assert.match(timeline, /包保责任人：社区 陈秀兰/)
  assert.doesNotMatch(await resident.locator('body').innerText(), /钱国强|北侧车棚|议事厅/)
  assert.equal(await resident.locator('[data-testid="meetings-card"]').count(), 0)
  await byTestId(resident, 'timeline').scrollIntoViewIfNeeded()
  await shot(resident, 'meetings/04-resident-timeline')
})
