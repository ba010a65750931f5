// Issue 19's 一网览尽 journey in real Chromium at a phone viewport, against the H5 build and the real server on a fresh
// SQLite file with the demo community: the committee opens 总览 from its desk and reads this month's figures (the
// same as overview.get's) → changes the period to 上月 and the page asks again → opens 一张图, the grids drawn by
// Leaflet on a plain background (no tile server here), taps a grid on the map and reads its figures (overview.map's)
// → back on 总览 exports this month's 台账, and the file it saves opens with exceljs: its sheets, and as many
// 问题清单 rows as the page said. Then the 操作日志 lists that export. The cards' charts are painted on their canvases.
// Screenshots go to test-results/e2e/overview/.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import type { Browser } from 'playwright-core'
import type { Me } from '../../src/domain/auth'
import type { Overview, OverviewMap } from '../../src/domain/overview'
import { MONTH_SHEETS } from '../../src/domain/ledger'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, launchBrowser, pageWithSession, shot, useLargestFont } from './harness'

interface Login {
  token: string
  expiresAt: string
  user: Me
}

let server: ServerProcess
let browser: Browser
let dir: string

before(async () => {
  rmSync(join(SHOTS_DIR, 'overview'), { recursive: true, force: true })
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-overview-'))
  server = await startServerProcess({ GONGZHI_DB: join(dir, 'e2e.db'), GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test' })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const call = <T>(action: string, payload: unknown, token?: string) => api<T>(server.url, action, payload, token)

test('the committee reads 总览, changes the period, opens a grid on 一张图, exports the 台账 and finds the export in 操作日志', async () => {
  const committee = await call<Login>('auth.devLogin', { role: 'committee', name: '陈主任' })
  const page = await pageWithSession(browser, server.url, committee)

  // the desk: 总览 first in 问题
  await page.goto(`${server.url}/#/pages/me/index`)
  await byTestId(page, 'desk-overview').click()
  await page.waitForURL(/packages\/overview\/index/)
  const month = await call<Overview>('overview.get', {}, committee.token)
  const total = month.trends.byBucket.reduce((n, b) => n + b.n, 0)
  assert.ok(total > 0, 'the demo community has reports this month')
  await byTestId(page, 'overview-heading').waitFor()
  assert.match(await byTestId(page, 'overview-heading').innerText(), new RegExp(`^${month.area.name}`))
  assert.equal(await byTestId(page, 'overview-trends-total').innerText(), `本期共收到问题 ${total} 件`)
  // the charts: each card's canvas is drawn by the chart library (pixels painted), named by its figures in words
  for (const id of ['overview-chart-trend-canvas', 'overview-chart-category-canvas', 'overview-chart-participation-canvas']) {
    await page.waitForFunction((testid) => {
      const c = document.querySelector(`[data-testid="${testid}"]`) as HTMLCanvasElement | null
      const data = c && c.width > 0 && c.height > 0 ? c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data : null
      let painted = 0
      for (let i = 3; data && i < data.length; i += 4) if (data[i] > 0) painted++
      return painted > 500
    }, id)
  }
  assert.match((await byTestId(page, 'overview-chart-trend-canvas').getAttribute('aria-label'))!, /^每日收到的问题（按类别）堆叠柱状图：/)
  assert.equal(await byTestId(page, 'overview-chart-trend-canvas').getAttribute('role'), 'img')
  await shot(page, 'overview/01-this-month')
  await byTestId(page, 'overview-participation').scrollIntoViewIfNeeded()
  await shot(page, 'overview/01-charts-below')

  // 上月: the page asks again for last month's figures
  const lastMonth = await call<Overview>('overview.get', { from: shiftMonth(month.from, -1), to: lastDayBefore(month.from) }, committee.token)
  await byTestId(page, 'overview-preset-lastMonth').click()
  const lastTotal = lastMonth.trends.byBucket.reduce((n, b) => n + b.n, 0)
  await page.waitForFunction(
    ([id, text]) => Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).some((e) => (e as HTMLElement).innerText === text),
    ['overview-trends-total', `本期共收到问题 ${lastTotal} 件`] as const,
  )
  assert.match(await byTestId(page, 'overview-heading').innerText(), new RegExp(`${chineseDay(lastMonth.from)}至${chineseDay(lastMonth.to)}`))
  await byTestId(page, 'overview-comparison').scrollIntoViewIfNeeded().catch(() => undefined)
  await shot(page, 'overview/02-last-month')
  await byTestId(page, 'overview-preset-thisMonth').click()
  await page.waitForFunction(
    ([id, text]) => Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).some((e) => (e as HTMLElement).innerText === text),
    ['overview-trends-total', `本期共收到问题 ${total} 件`] as const,
  )

  // 一张图: the grids drawn on a plain background; a tap on a grid opens its figures
  await byTestId(page, 'overview-open-map').click()
  await page.waitForURL(/packages\/overview\/map/)
  const map = await call<OverviewMap>('overview.map', {}, committee.token)
  const drawn = page.locator('[data-testid="overview-map-canvas"] path.leaflet-interactive')
  await drawn.first().waitFor()
  assert.equal(await page.locator('[data-testid="overview-map-canvas"] .leaflet-tile').count(), 0, 'no tiles without a tile source')
  const withBoundary = map.grids.filter((g) => g.boundary && g.boundary.length >= 3)
  assert.ok(withBoundary.length > 0, 'the demo grids have boundaries')
  assert.ok((await drawn.count()) >= withBoundary.length)
  await shot(page, 'overview/03-map')
  // near a corner of the first grid drawn (its middle holds a report's dot)
  await drawn.first().click({ position: { x: 12, y: 12 } })
  const panel = byTestId(page, 'map-panel')
  await panel.waitFor()
  const name = (await panel.getAttribute('aria-label'))!.replace(/的情况$/, '')
  const tapped = map.grids.find((g) => g.name === name)
  assert.ok(tapped, `the panel names a grid of the map: ${name}`)
  assert.equal(
    await byTestId(page, 'map-panel-figures').innerText(),
    `未办结 ${tapped.open} 件，超期 ${tapped.overdue} 件，本期报事 ${tapped.reports} 件，今日巡逻 ${tapped.patrolsToday} 班`,
  )
  await shot(page, 'overview/04-grid-panel')
  await byTestId(page, 'map-panel-close').click()
  await page.goBack()
  await page.waitForURL(/packages\/overview\/index/)

  // 导出台账 of this month: the file saved opens, with its four sheets and as many 问题清单 rows as the page said
  const card = byTestId(page, 'ledger-export-card')
  await card.scrollIntoViewIfNeeded()
  await byTestId(page, 'ledger-export-next').click()
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'ledger-export').click()])
  const done = await byTestId(page, 'ledger-export-done').innerText()
  const rows = Number(/共 (\d+) 条问题/.exec(done)?.[1])
  assert.ok(rows > 0, done)
  assert.match(download.suggestedFilename(), /台账\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile((await download.path())!)
  assert.deepEqual(book.worksheets.map((s) => s.name), [...MONTH_SHEETS])
  assert.equal(book.getWorksheet('问题清单')!.actualRowCount - 1, rows)
  const summary = new Map<string, unknown>()
  book.getWorksheet('汇总')!.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value))
  assert.equal(summary.get('问题总数'), rows)
  await shot(page, 'overview/05-exported')

  // the export is in the 操作日志
  await page.goto(`${server.url}/#/packages/audit/index`)
  await page.locator('[data-testid^="audit-row-"] >> visible=true', { hasText: '导出台账或清单' }).first().waitFor()
  await shot(page, 'overview/06-audit')

  await page.goto(`${server.url}/#/packages/overview/index`)
  await byTestId(page, 'overview-heading').waitFor()
  await useLargestFont(page)
  await assertNoHorizontalOverflow(page)
  await shot(page, 'overview/07-largest-font')
})

/** 'YYYY-MM-DD' of the first day `n` months from the month of `day`. */
function shiftMonth(day: string, n: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10)
}
function lastDayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}
const chineseDay = (d: string) => d.replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, n) => `${y}年${+m}月${+n}日`)
