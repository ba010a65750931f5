// Issue 18's 预测预警 journey in real Chromium at a phone viewport, against the H5 build and the real server on a fresh
// SQLite file: the demo's seeded run of 环境卫生 reports in 第一网格 → the server's first sweep raises one warning and
// messages the grid's worker 孙丽 → she opens the message, reads observed vs baseline and opens one report behind it →
// records 会商研判 (participants, judgement, an action, a note) and closes it → her 工作台 → 预警 list shows it under
// 已关闭, and so does the committee's. A resident opening 预警 reads that it is for staff only.
// 孙丽 is the seeded user (no login button makes her): the server runs with a known GONGZHI_SECRET and the test signs
// her session token the way the server does. Screenshots go to test-results/e2e/warnings/.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { Me } from '../../src/domain/auth'
import type { MessagePage } from '../../src/domain/messages'
import type { WarningDetail, WarningView } from '../../src/domain/warnings'
import { createTokens } from '../../cloud/auth/tokens'
import { DEMO_SPIKE } from '../../cloud/seed/seedWarnings'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, fillField, launchBrowser, pageWithSession, shot, useLargestFont } from './harness'

interface Login {
  token: string
  expiresAt: string
  user: Me
}

const SECRET = 'e2e-warnings-secret-not-for-production'
let server: ServerProcess
let browser: Browser
let dir: string

before(async () => {
  rmSync(join(SHOTS_DIR, 'warnings'), { recursive: true, force: true })
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-warnings-'))
  server = await startServerProcess({ GONGZHI_DB: join(dir, 'e2e.db'), GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test', GONGZHI_SECRET: SECRET })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const call = <T>(action: string, payload: unknown, token?: string) => api<T>(server.url, action, payload, token)
const login = (role: string, extra: Record<string, unknown> = {}) => call<Login>('auth.devLogin', { role, ...extra })

/** A session of a seeded user, signed with the server's secret as its login would. */
async function seededSession(userId: string): Promise<Login> {
  const { token, expiresAt } = await createTokens(SECRET, { now: () => new Date() }).issue(userId)
  return { token, expiresAt, user: await call<Me>('me.get', {}, token) }
}

/** The server sweeps at start; wait until its first sweep has raised the warning. */
async function firstWarning(token: string): Promise<WarningView> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const { items } = await call<{ items: WarningView[] }>('warning.list', {}, token)
    if (items.length > 0) return items[0]!
    if (Date.now() > deadline) throw new Error('no warning raised within 30 s of the server start')
    await new Promise((r) => setTimeout(r, 300))
  }
}

const shown = (page: Page, testid: string, text: string | RegExp) => page.locator(`[data-testid="${testid}"] >> visible=true`, { hasText: text })

test('a seeded spike raises a warning → 孙丽 opens it from her message → 会商研判 → closed, for her and the committee', async () => {
  const sunLi = await seededSession('u_worker_jj1')
  assert.equal(sunLi.user.name, '孙丽')
  const raised = await firstWarning(sunLi.token)
  assert.equal(raised.signal, 'spike')
  assert.equal(raised.gridName, '第一网格')
  assert.equal(raised.category, 'environment')
  assert.equal(raised.status, 'open')

  // the message goes to the grid's workers at the time it is raised: 孙丽, not a worker who signs in later
  // (who still finds it under 工作台 → 预警)
  const laterWorker = await login('gridWorker', { name: '周强', gridId: 'g_jj_1' })
  const laterList = await call<{ items: WarningView[] }>('warning.list', {}, laterWorker.token)
  assert.deepEqual(laterList.items.map((w) => w.id), [raised.id])
  const laterMessages = await call<MessagePage>('message.list', {}, laterWorker.token)
  assert.equal(laterMessages.items.filter((m) => m.target?.type === 'warning').length, 0)

  // 孙丽: 我的 → 消息 → the warning's message opens the warning
  const worker = await pageWithSession(browser, server.url, sunLi)
  await worker.goto(`${server.url}/#/pages/me/index`)
  await byTestId(worker, 'link-messages').click()
  const message = shown(worker, 'message', '预警：')
  await message.waitFor()
  await shot(worker, 'warnings/01-message')
  await message.click()
  await worker.waitForURL(/packages\/warnings\/detail/)
  await byTestId(worker, 'warning-summary').waitFor()
  assert.equal(await byTestId(worker, 'warning-state').innerText(), '待研判')
  assert.match(await byTestId(worker, 'warning-summary').innerText(), /第一网格 · 环境卫生 · 报事量异常升高/)

  // observed vs baseline, and the reports behind it
  const detail = await call<WarningDetail>('warning.get', { id: raised.id }, sunLi.token)
  // the six seeded reports at least (the demo's own 环境卫生 report of the grid counts too when it falls in the same week)
  for (const r of DEMO_SPIKE) assert.ok(detail.reportIds.includes(r.id), r.id)
  assert.equal(detail.observed, detail.reportIds.length)
  assert.match(await byTestId(worker, 'warning-observed').innerText(), new RegExp(`计入 ${detail.observed} 件`))
  assert.match(await byTestId(worker, 'warning-baseline').innerText(), new RegExp(`近期每周平均 ${detail.baseline} 件`))
  await shot(worker, 'warnings/02-detail')
  const firstReport = detail.reportIds[0]!
  await byTestId(worker, 'warning-reports').scrollIntoViewIfNeeded()
  await shot(worker, 'warnings/03-reports')
  const report = await call<{ description: string }>('report.get', { id: firstReport }, sunLi.token)
  // each row says what the report is about, not only its number
  await shown(worker, `warning-report-${firstReport}`, [...report.description].slice(0, 10).join('')).waitFor()
  assert.doesNotMatch(await byTestId(worker, 'warning-summary').innerText(), /\d{4}-\d{2}-\d{2}/)
  assert.doesNotMatch(await byTestId(worker, 'warning-figures').innerText(), /\d{4}-\d{2}-\d{2}/)
  await byTestId(worker, `warning-report-${firstReport}`).click()
  await worker.waitForURL(/packages\/reports\/detail/)
  await byTestId(worker, 'report-description').waitFor()
  assert.equal(await byTestId(worker, 'report-description').innerText(), report.description)
  await shot(worker, 'warnings/04-report')
  await worker.goBack()
  await byTestId(worker, 'warning-assess').waitFor()

  // 会商研判: with two others, 需要处置, a patrol, a note; closed
  await fillField(worker, 'assess-participants', '陈秀兰、物业王经理')
  await byTestId(worker, 'assess-judgement-act').click()
  await byTestId(worker, 'assess-action-patrol').click()
  await fillField(worker, 'assess-action-note-patrol', '本周每晚加巡一次垃圾分类点')
  await fillField(worker, 'assess-note', '集中在4栋至6栋，物业清运班次减少所致，已约物业恢复每日两次清运。')
  await byTestId(worker, 'assess-close').click()
  await byTestId(worker, 'assess-submit').scrollIntoViewIfNeeded()
  await shot(worker, 'warnings/05-assess')
  assert.equal(await byTestId(worker, 'assess-submit').innerText(), '保存并关闭预警')
  await byTestId(worker, 'assess-submit').click()
  await shown(worker, 'warning-state', '已关闭').waitFor()
  assert.equal(await byTestId(worker, 'warning-assess').count(), 0)
  const record = byTestId(worker, 'warning-assessments')
  assert.match(await record.innerText(), /孙丽、陈秀兰、物业王经理：需要处置，关闭预警/)
  assert.match(await record.innerText(), /本周每晚加巡一次垃圾分类点/)
  await record.scrollIntoViewIfNeeded()
  await shot(worker, 'warnings/06-closed')
  await useLargestFont(worker)
  await assertNoHorizontalOverflow(worker)
  await shot(worker, 'warnings/07-closed-largest-font')

  // her 工作台 → 预警: nothing left to assess; under 已关闭, this one
  await worker.goto(`${server.url}/#/pages/me/index`)
  await worker.reload()
  await byTestId(worker, 'desk-warnings').click()
  await byTestId(worker, 'warning-list').waitFor()
  await shown(worker, 'list-empty', '没有待研判的预警').waitFor()
  await byTestId(worker, 'warning-filter-closed').click()
  await shown(worker, `warning-${raised.id}`, '已关闭（需要处置）').waitFor()
  await shot(worker, 'warnings/08-list-closed')

  // the committee sees it closed too, with her record
  const committeeSession = await login('committee', { name: '陈秀兰' })
  const committee = await pageWithSession(browser, server.url, committeeSession)
  await committee.goto(`${server.url}/#/pages/me/index`)
  await byTestId(committee, 'desk-warnings').click()
  await byTestId(committee, 'warning-filter-all').click()
  const row = shown(committee, `warning-${raised.id}`, '已关闭（需要处置）')
  await row.waitFor()
  await shot(committee, 'warnings/09-committee-list')
  await row.click()
  await shown(committee, 'warning-state', '已关闭').waitFor()
  assert.match(await byTestId(committee, 'warning-assessments').innerText(), /孙丽/)
  const held = await call<WarningDetail>('warning.get', { id: raised.id }, committeeSession.token)
  assert.equal(held.status, 'closed')
  assert.equal(held.judgement, 'act')
  assert.equal(held.canAssess, false)
  assert.deepEqual(
    held.assessments.map((a) => ({ who: a.assessorName, participants: a.participants, closed: a.closed, actions: a.actions.map((x) => x.kind) })),
    [{ who: '孙丽', participants: ['陈秀兰', '物业王经理'], closed: true, actions: ['patrol'] }],
  )
})

test('a resident cannot reach 预警: the page says it is for staff', async () => {
  const residentSession = await login('resident', { name: '王建华' })
  const resident = await pageWithSession(browser, server.url, residentSession)
  await resident.goto(`${server.url}/#/packages/warnings/list/index`)
  const refusal = byTestId(resident, 'warnings-not-allowed')
  await refusal.waitFor()
  assert.equal(await refusal.innerText(), '只有网格员、社区工作人员可以使用这个功能。')
  assert.equal(await byTestId(resident, 'warning-list').count(), 0)
  await shot(resident, 'warnings/10-resident-refused')
  const refused = await fetch(`${server.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${residentSession.token}` },
    body: JSON.stringify({ action: 'warning.list', payload: {} }),
  }).then((r) => r.json() as Promise<{ ok: boolean; error?: { code: string } }>)
  assert.equal(refused.error?.code, 'FORBIDDEN')
})
