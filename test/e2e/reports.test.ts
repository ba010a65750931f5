// Issue 4's two journeys in real Chromium at a phone viewport, against the H5 build served by the real
// server on a fresh SQLite file:
//  1. a resident, standing in 第一网格 (geolocation emulated), reports a 环境卫生 problem with a photo from
//     the 随手拍 tab; a similar report nearby is offered first; the report is routed to 第一网格 by its
//     location; the 网格员 accepts, notes and resolves it; the resident sees the photo and rates 5 stars;
//  2. a 矛盾纠纷 the 网格员 cannot settle is escalated to 社区; the committee accepts it, records a
//     successful 人民调解 with the agreement and resolves it; the resident sees the record with the
//     parties' names masked; 问题总览 counts it toward 矛盾不上交.
// Screenshots go to test-results/e2e/reports/.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import gcoord from 'gcoord'
import type { Browser, Page } from 'playwright-core'
import type { ReportView } from '../../src/domain/reports'
import { DEMO_GRID_CENTRES } from '../../cloud/seed/demoData'
import {
  SHOTS_DIR,
  api,
  byTestId,
  fillField,
  launchBrowser,
  loginAs,
  pageWithSession,
  phoneContext,
  shot,
  staffAct,
  startServer,
  type RunningServer,
} from './harness'

interface Login {
  token: string
  expiresAt: string
  user: { id: string; gridId: string | null }
}

let server: RunningServer
let browser: Browser
let dir: string

before(async () => {
  rmSync(join(SHOTS_DIR, 'reports'), { recursive: true, force: true })
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-photo-'))
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const login = (role: string, extra: Record<string, unknown> = {}) => api<Login>(server.url, 'auth.devLogin', { role, ...extra })
const getReport = (id: string, token: string) => api<ReportView>(server.url, 'report.get', { id }, token)

/** A photo as a phone would take it: a picture of a littered corner, drawn by the browser, saved as JPEG. */
async function takePhoto(): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } })
  await page.setContent(`<body style="margin:0">
    <div style="width:800px;height:600px;position:relative;background:linear-gradient(#9fb8c9 0 45%,#8a8f86 45% 100%)">
      <div style="position:absolute;left:90px;top:170px;width:260px;height:300px;background:#6f7b55;border-radius:12px"></div>
      <div style="position:absolute;left:300px;top:360px;width:380px;height:150px;background:#c9b58f;border-radius:40px 60px 20px 30px"></div>
      <div style="position:absolute;left:360px;top:330px;width:120px;height:90px;background:#e8e2d0;transform:rotate(-12deg)"></div>
      <div style="position:absolute;left:520px;top:380px;width:140px;height:70px;background:#3d5a80;transform:rotate(8deg)"></div>
    </div></body>`)
  const file = join(dir, 'photo.jpg')
  await page.screenshot({ path: file, type: 'jpeg', quality: 80 })
  await page.close()
  return file
}

/** The browser reports WGS-84; the demo grids are drawn in GCJ-02 (what WeChat's maps use). */
function wgs84Of(point: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  const [longitude, latitude] = gcoord.transform([point.longitude, point.latitude], gcoord.GCJ02, gcoord.WGS84) as [number, number]
  return { latitude, longitude }
}

/** The title bar: its title and the control it offers (‹back›, ‹home›, or nothing). */
async function titleBar(page: Page): Promise<string> {
  // a string, not a function: tsx would wrap named inner functions in a helper the page does not have
  return page.evaluate(`(() => {
    const bar = document.getElementById('taro-navigation-bar')
    const shown = (x) => !!x && getComputedStyle(x).display !== 'none'
    const control = shown(bar && bar.querySelector('.taro-navigation-bar-back')) ? ' ‹back›' : shown(bar && bar.querySelector('.taro-navigation-bar-home')) ? ' ‹home›' : ''
    return shown(bar) ? (bar.querySelector('.taro-navigation-bar-title').textContent || '') + control : ''
  })()`) as Promise<string>
}

async function openReportTab(page: Page): Promise<void> {
  await page.getByText('随手拍', { exact: true }).last().click()
  await byTestId(page, 'report-home').waitFor()
}

test('a resident reports with a photo → the 网格员 accepts, notes, resolves → the resident rates', async () => {
  const centre = DEMO_GRID_CENTRES.g_jj_1!
  // a neighbour already reported something similar a few metres away
  const neighbour = await login('resident', { name: '杨春敏', gridId: 'g_jj_2' })
  const earlier = await api<ReportView>(
    server.url,
    'report.create',
    { category: 'environment', description: '路口垃圾桶满了两天没人清，周围有异味', location: { ...centre, latitude: centre.latitude + 0.0002 } },
    neighbour.token,
  )

  const context = await phoneContext(browser)
  await context.grantPermissions(['geolocation'], { origin: server.url })
  await context.setGeolocation({ ...wgs84Of(centre), accuracy: 15 })
  const resident = await context.newPage()
  await loginAs(resident, server.url, 'resident')
  await openReportTab(resident)
  await shot(resident, 'reports/01-tab')

  await byTestId(resident, 'tile-environment').click()
  await resident.waitForURL(/packages\/reports\/new/)
  await byTestId(resident, 'report-form').waitFor()
  await fillField(resident, 'input-description', '3栋楼下绿化带里堆了装修垃圾和旧家具，已经一个星期了')
  const chooser = resident.waitForEvent('filechooser')
  await byTestId(resident, 'photo-add').click()
  await (await chooser).setFiles(await takePhoto())
  await byTestId(resident, 'photo-0').waitFor()
  await byTestId(resident, 'photo-0-progress').waitFor({ state: 'detached' })
  assert.equal(await byTestId(resident, 'photo-0-failed').count(), 0, 'the photo uploaded')

  await byTestId(resident, 'location-take').click()
  await byTestId(resident, 'location-picked').waitFor()
  // where it goes, and who handles it there, before it is sent (not just 已获取您现在所在的位置)
  await byTestId(resident, 'location-route').waitFor()
  assert.equal(await byTestId(resident, 'location-route').innerText(), '将交给：第一网格（网格员 孙丽）')
  const offer = byTestId(resident, 'nearby-item')
  await offer.first().waitFor()
  assert.match(await offer.first().innerText(), /垃圾桶满了/)
  await byTestId(resident, 'nearby-offer').scrollIntoViewIfNeeded()
  await shot(resident, 'reports/02-nearby-offer')
  await byTestId(resident, 'nearby-dismiss').click()
  await shot(resident, 'reports/03-form-with-photo')
  await byTestId(resident, 'report-submit').click()
  await resident.waitForURL(/packages\/reports\/detail/)
  await byTestId(resident, 'report-detail').waitFor()
  assert.equal(await byTestId(resident, 'deadline-status').innerText(), '待受理')
  // who handles it, by name, and the grid's service phone the committee published
  assert.equal(await byTestId(resident, 'report-handler').innerText(), '网格员 孙丽')
  assert.match(await byTestId(resident, 'report-handler-phone').innerText(), /0575-87010001/)
  // where am I: the page's title and a way back
  assert.equal(await titleBar(resident), '问题详情 ‹back›')
  await shot(resident, 'reports/04-submitted')

  const session = await resident.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('gongzhi.session') || '{}').data))
  const id = new URL(resident.url().replace('#/', '')).searchParams.get('id')
  assert.ok(id)
  const mine = await getReport(id, session.token)
  assert.equal(mine.gridId, 'g_jj_1', 'routed by where the resident stood')
  assert.equal(mine.photos.length, 1)
  assert.notEqual(mine.id, earlier.id)

  // --- the 网格员 of 第一网格 ---
  const workerLogin = await login('gridWorker', { name: '孙丽', gridId: 'g_jj_1' })
  const worker = await pageWithSession(browser, server.url, workerLogin)
  // the 随手拍 tab's card says what the queue holds: the same 待办 and 逾期 the queue lists
  await worker.goto(`${server.url}/#/pages/report/index`)
  const figures = byTestId(worker, 'staff-figures')
  await worker.waitForFunction(() => /待办|没有/.test(document.querySelector('[data-testid="staff-figures"]')?.textContent ?? ''))
  const card = (await figures.innerText()).match(/待办 (\d+) 件(?:，其中 (\d+) 件已逾期)?/)
  assert.ok(card, await figures.innerText())
  await shot(worker, 'reports/05a-worker-tab')
  await byTestId(worker, 'staff-card').click()
  const row = worker.locator(`[data-testid="report-row"][data-id="${id}"] >> visible=true`)
  await row.waitFor()
  const rows = worker.locator('[data-testid="report-row"] >> visible=true')
  assert.equal(await rows.count(), Number(card[1]), 'the card\'s 待办 is the rows of the queue')
  assert.equal(await worker.locator('[data-testid="row-overdue"] >> visible=true').count(), Number(card[2] ?? 0), 'and its 逾期 the overdue ones')
  assert.equal(await byTestId(worker, 'count-overdue').innerText(), String(Number(card[2] ?? 0)))
  await shot(worker, 'reports/05-queue')
  await row.click()
  await byTestId(worker, 'staff-panel').waitFor()
  await staffAct(worker, 'accept')
  await staffAct(worker, 'note', { note: '已联系物业，明天上午安排清运' })
  await staffAct(worker, 'resolve', { note: '装修垃圾和旧家具已全部清运，绿化带已恢复' })
  await byTestId(worker, 'timeline').waitFor()
  // the worker is not asked to rate: the line is written for them
  const workerHint = await byTestId(worker, 'deadline-hint').innerText()
  assert.match(workerHint, /等待居民评价/)
  assert.doesNotMatch(workerHint, /请评价/)
  await shot(worker, 'reports/06-resolved-by-worker')
  assert.equal((await getReport(id, workerLogin.token)).status, 'resolved')

  // --- the resident: the unread messages on the 我的 tab (not on 随手拍) ---
  await resident.goto(`${server.url}/#/pages/me/index`)
  await byTestId(resident, 'me-unread').waitFor()
  const badges = await resident.evaluate(() =>
    Array.from(document.querySelectorAll('.weui-tabbar__item')).map((t) => ({
      label: t.querySelector('.weui-tabbar__label')?.textContent ?? '',
      badge: t.querySelector('.weui-badge')?.textContent ?? null,
    })),
  )
  assert.match(badges.find((t) => t.label === '我的')?.badge ?? '', /^\d+$/, JSON.stringify(badges))
  assert.equal(badges.find((t) => t.label === '随手拍')?.badge, null)
  await shot(resident, 'reports/06a-me-badge')

  // --- the resident sees the result, their photo, and rates ---
  await resident.goto(`${server.url}/#/packages/reports/detail/index?id=${id}`)
  await byTestId(resident, 'report-detail').waitFor()
  assert.equal(await byTestId(resident, 'deadline-status').innerText(), '已办结')
  const photo = resident.locator('[data-testid="report-photo-0"] >> visible=true').locator('img').first()
  await photo.waitFor()
  await resident.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await photo.elementHandle())
  const timeline = await byTestId(resident, 'timeline').innerText()
  assert.match(timeline, /受理/)
  assert.match(timeline, /已联系物业/)
  assert.match(timeline, /已全部清运/)
  await byTestId(resident, 'rate-card').scrollIntoViewIfNeeded()
  await byTestId(resident, 'star-5').click()
  await fillField(resident, 'rate-comment', '处理很及时，谢谢网格员')
  await shot(resident, 'reports/07-rating')
  await byTestId(resident, 'rate-submit').click()
  await byTestId(resident, 'report-rating').waitFor()
  const rated = await getReport(id, session.token)
  assert.equal(rated.status, 'closed')
  assert.deepEqual([rated.rating?.score, rated.rating?.comment], [5, '处理很及时，谢谢网格员'])
  // 已评价 with the stars, not 已关闭 twice
  assert.equal(await byTestId(resident, 'deadline-status').innerText(), '已评价')
  assert.match(await byTestId(resident, 'deadline-hint').innerText(), /您已评价 5 星/)
  assert.doesNotMatch(await byTestId(resident, 'deadline-banner').innerText(), /已关闭/)
  await byTestId(resident, 'deadline-banner').scrollIntoViewIfNeeded()
  await shot(resident, 'reports/08a-rated-status')
  await byTestId(resident, 'report-rating').scrollIntoViewIfNeeded()
  await shot(resident, 'reports/08-rated')
})

test('a dispute escalated to 社区 is mediated there; the resident sees the record with names masked', async () => {
  const residentLogin = await login('resident', { name: '赵桂芳', gridId: 'g_jj_1' })
  const workerLogin = await login('gridWorker', { name: '孙丽', gridId: 'g_jj_1' })
  const committeeLogin = await login('committee', { name: '陈秀兰' })
  const dispute = await api<ReportView>(
    server.url,
    'report.create',
    { category: 'dispute', description: '楼上邻居家的空调外机滴水到我家阳台，沟通多次没有结果', gridId: 'g_jj_1' },
    residentLogin.token,
  )
  assert.equal(dispute.visibility, 'private', 'disputes are private by default')
  await api(server.url, 'report.transition', { id: dispute.id, action: 'accept' }, workerLogin.token)
  await api(server.url, 'report.transition', { id: dispute.id, action: 'escalate', note: '双方各执一词，需社区出面调解' }, workerLogin.token)

  const committee = await pageWithSession(browser, server.url, committeeLogin)
  await committee.goto(`${server.url}/#/packages/reports/queue/index`)
  const row = committee.locator(`[data-testid="report-row"][data-id="${dispute.id}"] >> visible=true`)
  await row.waitFor()
  await row.click()
  await byTestId(committee, 'staff-panel').waitFor()
  await staffAct(committee, 'accept')
  await byTestId(committee, 'staff-mediate').click()
  await byTestId(committee, 'mediate-save').waitFor()
  await byTestId(committee, 'mediate-kind-people').click()
  await fillField(committee, 'party-0-name', '赵桂芳')
  await fillField(committee, 'party-0-role', '5栋302')
  await fillField(committee, 'party-1-name', '钱国强')
  await fillField(committee, 'party-1-role', '5栋402')
  await fillField(committee, 'session-note', '社区调解室当面协商，双方查看了现场')
  await byTestId(committee, 'mediate-outcome-agreed').click()
  await fillField(committee, 'agreement', '402 户一周内为空调外机加装接水管，302 户不再追究此前损失')
  await shot(committee, 'reports/09-mediation-form')
  await byTestId(committee, 'mediate-save').click()
  await byTestId(committee, 'mediation-card').waitFor()
  assert.equal(await byTestId(committee, 'mediation-outcome').innerText(), '调解成功')
  await staffAct(committee, 'resolve', { note: '调解成功，按协议执行' })
  await shot(committee, 'reports/10-resolved-at-community')
  const settled = await getReport(dispute.id, committeeLogin.token)
  assert.deepEqual([settled.status, settled.level], ['resolved', 'community'])

  // the resident: the whole path on the timeline, the other party's name masked
  const resident = await pageWithSession(browser, server.url, residentLogin)
  await resident.goto(`${server.url}/#/packages/reports/detail/index?id=${dispute.id}`)
  await byTestId(resident, 'mediation-card').waitFor()
  const parties = await byTestId(resident, 'mediation-parties').innerText()
  assert.doesNotMatch(parties, /钱国强/)
  assert.match(parties, /钱\*强/)
  assert.match(await byTestId(resident, 'mediation-agreement').innerText(), /接水管/)
  assert.match(await byTestId(resident, 'timeline').innerText(), /上报/)
  await byTestId(resident, 'mediation-card').scrollIntoViewIfNeeded()
  await shot(resident, 'reports/11-resident-sees-mediation')

  // 问题总览: settled at community level counts toward 矛盾不上交
  const summary = await api<{ disputes: { settled: number; settledLocally: number } }>(server.url, 'report.summary', {}, committeeLogin.token)
  assert.ok(summary.disputes.settledLocally >= 1)
  await committee.goto(`${server.url}/#/packages/reports/area/index`)
  await byTestId(committee, 'summary-share').waitFor()
  await shot(committee, 'reports/12-area-summary')
})
