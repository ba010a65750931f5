// Issue 18's 积分制 journey in real Chromium at a phone viewport, against the H5 build and the real server on a fresh
// SQLite file: a volunteer signs up for a patrol shift on the 巡逻 tab → [server clock at 10 minutes before the start]
// checks in on site → [3 hours into the shift] checks out → 我的 → 我的积分 shows +6 分 for 参加巡逻 3 小时 →
// 积分规则 says 投票不计积分 → 本月积分榜 masks every other name → 积分超市: 兑换 环保购物袋 after confirming, the
// balance drops to 1 and the ledger shows -5 积分兑换 → the committee's 工作台 → 积分管理 lists it to hand out and
// marks it 已领取. The server's clock is moved by test/e2e/patrolClock.mjs (a preload); the browser keeps the real
// time. Screenshots go to test-results/e2e/points/.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import gcoord from 'gcoord'
import type { Browser, Page } from 'playwright-core'
import type { ShiftView } from '../../src/domain/patrols'
import type { PointsLedgerPage, RedemptionView } from '../../src/domain/points'
import { DEMO_GRID_CENTRES } from '../../cloud/seed/demoData'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, launchBrowser, pageWithSession, shot, useLargestFont } from './harness'

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
  rmSync(join(SHOTS_DIR, 'points'), { recursive: true, force: true })
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-points-'))
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

async function openDetail(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/#/packages/patrols/detail/index?id=${id}`)
  await byTestId(page, 'shift-detail').waitFor()
}

test('patrol → +6 分 in 我的积分 → 兑换 环保购物袋 (balance 1, ledger -5) → the committee marks it 已领取', async () => {
  const centre = DEMO_GRID_CENTRES.g_jj_1!
  const onSite = wgs84Of(centre)

  // --- setup the UI journey does not walk: the committee has scheduled a 4-hour shift starting in a little over 3 hours ---
  const committeeLogin = await login('committee', { name: '陈秀兰' })
  const startMs = Math.ceil((Date.now() + 3 * 3600_000 + 10 * 60_000) / 300_000) * 300_000
  const { shifts } = await call<{ shifts: ShiftView[] }>(
    'shift.create',
    {
      title: '周末治安巡逻',
      area: { ...centre, radius: 300 },
      meetingPoint: '锦江社区服务中心门口',
      startAt: new Date(startMs).toISOString(),
      endAt: new Date(startMs + 4 * 3600_000).toISOString(),
      capacity: 5,
    },
    committeeLogin.token,
  )
  const id = shifts[0]!.id

  // --- the volunteer finds the shift on the 巡逻 tab and signs up ---
  const vLogin = await login('volunteer', { name: '李秀英', gridId: 'g_jj_1' })
  const v = await pageWithSession(browser, server.url, vLogin)
  await v.context().grantPermissions(['geolocation'], { origin: server.url })
  await v.context().setGeolocation({ ...onSite, accuracy: 15 })
  await v.getByText('巡逻', { exact: true }).last().click()
  const card = v.locator(`[data-testid="shift-card"][data-id="${id}"] >> visible=true`)
  await card.waitFor()
  await card.locator('[data-testid="shift-signup"]').click()
  await card.locator('[data-testid="shift-my-status"]', { hasText: '已报名' }).waitFor()

  // --- 10 minutes before the start (the server's clock): check in on site ---
  writeFileSync(clockFile, String(startMs - 10 * 60_000 - Date.now()))
  await openDetail(v, id)
  await byTestId(v, 'shift-checkin').click()
  await byTestId(v, 'checked-in').waitFor()

  // --- 3 hours into the shift: check out, 3.0 hours → 3 × 2 = 6 分 under the default rules ---
  writeFileSync(clockFile, String(startMs + 3 * 3600_000 - Date.now()))
  await openDetail(v, id)
  await byTestId(v, 'shift-checkout').click()
  await byTestId(v, 'shift-done').waitFor()
  assert.match(await byTestId(v, 'shift-notice').innerText(), /本次巡逻 3\.0 小时/)

  // --- 我的 → 我的积分: the balance and the entry with its reason ---
  await v.goto(`${server.url}/#/pages/me/index`)
  await byTestId(v, 'link-points-mine').click()
  await byTestId(v, 'my-points').waitFor()
  await byTestId(v, 'points-balance').filter({ hasText: '6 分' }).waitFor()
  const ledger = byTestId(v, 'my-points').locator('[data-testid^="points-entry-"]')
  await ledger.first().waitFor()
  assert.equal(await ledger.count(), 1)
  const earned = await ledger.first().innerText()
  assert.match(earned, /\+6 分 · 参加巡逻 3 小时/)
  assert.match(earned, /参加巡逻 · .* · 系统/)
  await shot(v, 'points/01-mine-earned')

  // --- 积分规则: votes never earn or cost points ---
  await byTestId(v, 'points-open-rules').click()
  await byTestId(v, 'points-no-vote').waitFor()
  assert.match(await byTestId(v, 'points-no-vote').innerText(), /投票不计积分：无论投什么票、是否参加投票，都不会获得或扣减积分/)
  assert.match(await byTestId(v, 'points-rule-patrol_hours').innerText(), /参加巡逻（每小时）：2 分/)
  assert.equal(await byTestId(v, 'points-rules-edit').count(), 0, 'a volunteer does not edit the rules')
  await shot(v, 'points/02-rules')
  await v.goBack()
  await byTestId(v, 'my-points').waitFor()

  // --- 本月积分榜: I am 我, the others are masked (王建华 → 王*华, 李秀芳 → 李*芳) ---
  await byTestId(v, 'points-open-board').click()
  await byTestId(v, 'points-board-row-1').waitFor()
  const board = await byTestId(v, 'points-board').innerText()
  assert.match(await byTestId(v, 'points-board-row-1').innerText(), /第 1 名 · 我 · 6 分/)
  assert.match(board, /王\*华 · 5 分/)
  assert.match(board, /李\*芳 · 5 分/)
  assert.doesNotMatch(board, /王建华|李秀芳|李秀英/)
  await shot(v, 'points/03-board')
  await v.goBack()
  await byTestId(v, 'my-points').waitFor()

  // --- 积分超市: 兑换 环保购物袋 (5 分) after confirming ---
  await byTestId(v, 'points-open-shop').click()
  await byTestId(v, 'reward-w_demo_bag').waitFor()
  await byTestId(v, 'shop-balance').filter({ hasText: '我的积分：6 分' }).waitFor()
  assert.equal(await byTestId(v, 'short-w_demo_soap').innerText(), '积分不足，还差 14 分')
  assert.equal(await byTestId(v, 'redeem-w_demo_soap').count(), 0, 'no 兑换 for what I cannot afford')
  await shot(v, 'points/04-shop')
  await byTestId(v, 'redeem-w_demo_bag').click()
  await byTestId(v, 'redeem-confirm-box').waitFor()
  assert.match(await byTestId(v, 'redeem-confirm-box').innerText(), /确认用 5 分兑换「环保购物袋」吗？/)
  await shot(v, 'points/05-shop-confirm')
  await byTestId(v, 'redeem-confirm').click()
  await byTestId(v, 'points-redeemed').waitFor()
  assert.match(await byTestId(v, 'points-redeemed').innerText(), /已兑换「环保购物袋」，扣除 5 分，剩余 1 分。/)
  assert.match(await byTestId(v, 'reward-w_demo_bag').innerText(), /剩余 19 件/)
  await shot(v, 'points/06-redeemed')

  // --- back in 我的积分 (refreshed when shown again): the balance dropped and the ledger shows the redemption on top ---
  await v.goBack()
  await byTestId(v, 'my-points').waitFor()
  await byTestId(v, 'points-balance').filter({ hasText: '1 分' }).waitFor()
  await ledger.nth(1).waitFor()
  assert.match(await ledger.first().innerText(), /-5 分 · .*环保购物袋/)
  assert.match(await ledger.first().innerText(), /积分兑换 · .* · 本人/)
  assert.match(await ledger.nth(1).innerText(), /\+6 分 · 参加巡逻 3 小时/)
  const held = await call<PointsLedgerPage>('points.ledger', {}, vLogin.token)
  assert.equal(held.balance, 1)
  assert.deepEqual(held.items.map((e) => [e.points, e.sourceKind]), [[-5, 'redemption'], [6, 'patrol_hours']])
  await shot(v, 'points/07-mine-after')

  // --- the committee: 工作台 → 积分管理 → the redemption to hand out → 已领取 ---
  const committee = await pageWithSession(browser, server.url, committeeLogin)
  await committee.goto(`${server.url}/#/pages/me/index`)
  await byTestId(committee, 'desk-points-manage').click()
  await byTestId(committee, 'points-manage').waitFor()
  const pending = byTestId(committee, 'points-pending').locator('[data-testid^="redemption-"]', { hasText: '环保购物袋' })
  await pending.waitFor()
  assert.match(await pending.innerText(), /李秀英 · 环保购物袋（5 分）/)
  await shot(committee, 'points/08-manage-pending')
  await pending.locator('[data-testid^="hand-over-"]').click()
  await pending.waitFor({ state: 'detached' })
  await byTestId(committee, 'points-pending').getByText('没有待发放的兑换').waitFor()
  const all = await call<{ items: RedemptionView[] }>('redemption.list', { status: 'all' }, committeeLogin.token)
  const handed = all.items.find((r) => r.userId === vLogin.user.id)
  assert.ok(handed?.handedAt, 'the redemption is marked handed out')
  await shot(committee, 'points/09-manage-handed')

  // --- WeChat's largest font: nothing sticks out sideways ---
  await useLargestFont(v)
  await assertNoHorizontalOverflow(v)
  await shot(v, 'points/10-largest-mine')
  await useLargestFont(committee)
  await assertNoHorizontalOverflow(committee)
  await shot(committee, 'points/10-largest-manage')
})
