// Issue 4's staff side in real Chromium at a phone viewport, against the H5 build served by the real server
// on a fresh SQLite file: a 网格员 takes a resident's report from the queue through 受理, 处理进展 and 办结
// in the 办理 panel, and the resident finds the news in 消息; a dispute is mediated without success and
// escalated to 社区, where the committee finds it in 待办问题 and in 问题总览. Screenshots go to
// test-results/e2e/staff/.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import {
  SHOTS_DIR,
  api,
  assertNoHorizontalOverflow,
  byTestId,
  fillField,
  launchBrowser,
  pageWithSession,
  shot,
  staffAct,
  startServer,
  useLargestFont,
  type RunningServer,
} from './harness'

interface Login {
  token: string
  user: { id: string; gridId: string | null }
  expiresAt?: string
}

let server: RunningServer
let browser: Browser

before(async () => {
  rmSync(join(SHOTS_DIR, 'staff'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const login = (role: string, extra: Record<string, unknown> = {}) =>
  api<Login>(server.url, 'auth.devLogin', { role, ...extra })
const sessionOf = (l: Login) => ({
  token: l.token,
  user: l.user,
  expiresAt: l.expiresAt ?? new Date(Date.now() + 86_400_000).toISOString(),
})
const statusOf = async (id: string, token: string) =>
  await api<{ status: string; level: string }>(server.url, 'report.get', { id }, token)

async function openDetail(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/#/packages/reports/detail/index?id=${id}`)
  await byTestId(page, 'staff-panel').waitFor()
}

test('网格员: queue → 受理 → 处理进展 → 办结; the resident reads it in 消息', async () => {
  const resident = await login('resident', { name: '王秀兰' })
  const worker = await login('gridWorker', { name: '李明', gridId: resident.user.gridId })
  const report = await api<{ id: string }>(
    server.url,
    'report.create',
    {
      category: 'environment',
      description: '3 号楼二单元楼道堆放纸箱和旧家具，挡住了消防通道。',
      gridId: resident.user.gridId,
    },
    resident.token,
  )

  const w = await pageWithSession(browser, server.url, sessionOf(worker))
  await w.goto(`${server.url}/#/packages/reports/queue/index`)
  await byTestId(w, 'queue-list').waitFor()
  const row = w.locator(`[data-testid="report-row"][data-id="${report.id}"] >> visible=true`)
  await row.waitFor()
  assert.match(await row.innerText(), /待受理/)
  await shot(w, 'staff/01-queue')
  await row.click()
  await byTestId(w, 'staff-panel').waitFor()
  assert.equal(await byTestId(w, 'staff-action-note').count(), 0, 'no 处理进展 before 受理')

  await staffAct(w, 'accept')
  await byTestId(w, 'staff-action-note').waitFor()
  assert.equal((await statusOf(report.id, worker.token)).status, 'accepted')

  // a required note: the schema's message, nothing sent
  await byTestId(w, 'staff-action-note').click()
  await byTestId(w, 'staff-confirm').click()
  assert.equal(await byTestId(w, 'staff-note-error').innerText(), '请填写说明')
  await byTestId(w, 'staff-cancel').click()

  await staffAct(w, 'note', { note: '已联系物业，明天上午清理' })
  await byTestId(w, 'staff-action-resolve').click()
  await byTestId(w, 'staff-sheet').waitFor()
  await useLargestFont(w)
  await assertNoHorizontalOverflow(w)
  await shot(w, 'staff/02-resolve-sheet-largest-font')
  await byTestId(w, 'staff-cancel').click()
  await staffAct(w, 'resolve', { quick: '已现场处置完毕' })
  assert.equal((await statusOf(report.id, worker.token)).status, 'resolved')
  assert.equal(await byTestId(w, 'staff-panel').count(), 0, 'nothing left for the handler to do')

  // the resident: 我的 shows the unread count, 消息 lists the news, a tap reads it and opens the report
  const r = await pageWithSession(browser, server.url, sessionOf(resident))
  await r.goto(`${server.url}/#/pages/me/index`)
  await byTestId(r, 'me-unread').waitFor()
  const unread = Number((await byTestId(r, 'me-unread').innerText()).match(/\d+/)?.[0])
  assert.ok(unread >= 2, `unread ${unread}`)
  await byTestId(r, 'link-messages').click()
  await byTestId(r, 'messages-list').waitFor()
  await shot(r, 'staff/03-messages')
  const first = r.locator('[data-testid="message"] >> visible=true').first()
  assert.equal(await first.locator('[data-testid="message-state"]').innerText(), '未读')
  await first.click()
  await r.waitForURL(new RegExp(`reports/detail/index\\?id=${report.id}`))
  const page = await api<{ unread: number }>(server.url, 'message.list', { limit: 1 }, resident.token)
  assert.equal(page.unread, unread - 1)
})

test('a dispute: 记录调解 未化解 → 上报社区; the committee finds it in 待办问题 and 问题总览', async () => {
  const resident = await login('resident', { name: '赵大妈' })
  const worker = await login('gridWorker', { name: '周强', gridId: resident.user.gridId })
  const committee = await login('committee', { name: '陈主任' })
  const dispute = await api<{ id: string }>(
    server.url,
    'report.create',
    {
      category: 'dispute',
      description: '楼上邻居每天晚上十一点后装修，多次沟通无果。',
      gridId: resident.user.gridId,
    },
    resident.token,
  )
  await api(server.url, 'report.transition', { id: dispute.id, action: 'accept' }, worker.token)

  const w = await pageWithSession(browser, server.url, sessionOf(worker))
  await openDetail(w, dispute.id)
  await byTestId(w, 'staff-mediate').click()
  await byTestId(w, 'mediate-save').waitFor()
  await byTestId(w, 'mediate-kind-people').click()
  await fillField(w, 'party-0-name', '张三')
  await fillField(w, 'party-0-role', '5栋402')
  await fillField(w, 'party-1-name', '李四')
  await fillField(w, 'session-note', '双方到社区当面沟通，未能达成一致。')
  await byTestId(w, 'mediate-outcome-agreed').click()
  await byTestId(w, 'mediate-save').click()
  assert.equal(await byTestId(w, 'field-error-agreement').innerText(), '调解成功请填写协议内容')
  await byTestId(w, 'mediate-outcome-failed').click()
  await shot(w, 'staff/04-mediate')
  await byTestId(w, 'mediate-save').click()
  await byTestId(w, 'mediate-suggest-escalate').waitFor()
  await byTestId(w, 'mediate-escalate').click()

  await byTestId(w, 'mediation-card').waitFor()
  assert.equal(await byTestId(w, 'mediation-outcome').innerText(), '未化解')
  assert.equal(await byTestId(w, 'staff-action-escalate').innerText(), '上报社区')
  await staffAct(w, 'escalate', { quick: '调解未化解，需上级处理' })
  const after = await statusOf(dispute.id, worker.token)
  assert.deepEqual([after.status, after.level], ['submitted', 'community'])

  const c = await pageWithSession(browser, server.url, sessionOf(committee))
  // 社区工作: the desk's 待办问题 figure is what the queue it opens lists
  await c.goto(`${server.url}/#/pages/me/index`)
  await byTestId(c, 'desk-committee').waitFor()
  await c.waitForFunction(() => /\d+ 件|没有待办/.test(document.querySelector('[data-testid="desk-report-queue"]')?.textContent ?? ''))
  const deskLine = await byTestId(c, 'desk-report-queue').innerText()
  const waiting = Number(deskLine.match(/(\d+) 件/)?.[1] ?? 0)
  assert.ok(waiting >= 1, deskLine)
  assert.deepEqual(
    await c.locator('[data-testid^="desk-"] .gz-card__title >> visible=true').allInnerTexts(),
    ['问题', '通知', '议事', '巡逻', '走访', '预警', '动员', '住户', '积分'],
  )
  await shot(c, 'staff/05a-committee-desk')
  await byTestId(c, 'desk-report-queue').click()
  const row = c.locator(`[data-testid="report-row"][data-id="${dispute.id}"] >> visible=true`)
  await row.waitFor()
  assert.equal(await c.locator('[data-testid="report-row"] >> visible=true').count(), waiting, 'the desk\'s 待办 is the rows of the queue')
  const empty = await c.locator('[data-testid="list-empty"] >> visible=true').count()
  assert.equal(empty, 0)
  assert.match(await row.innerText(), /已上报社区/)
  await shot(c, 'staff/05-committee-queue')
  await row.click()
  await byTestId(c, 'staff-action-accept').waitFor()

  await c.goto(`${server.url}/#/packages/reports/area/index`)
  await byTestId(c, 'area-summary').waitFor()
  assert.ok(Number(await byTestId(c, 'summary-total').innerText()) >= 2)
  await byTestId(c, 'filter-toggle').click()
  await byTestId(c, 'filter-category-dispute').click()
  await c.locator(`[data-testid="report-row"][data-id="${dispute.id}"] >> visible=true`).waitFor()
  await shot(c, 'staff/06-area')
})
