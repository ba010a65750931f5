// Issue 5's journey in real Chromium at a phone viewport, against the H5 build served by the real server on a
// fresh SQLite file: the committee drafts a 村规民约 motion and publishes it for 征求意见 → a resident comments on
// an article → the committee replies and revises that article → the resident sees what changed → voting opens →
// residents vote online (the receipt shown once) and the committee records a meeting ballot for a roster-only
// resident → the committee closes → the result page with its chart → a voter verifies their receipt → the
// rules in force. Screenshots go to test-results/e2e/motions/ (the chosen ones are copied to docs/screenshots).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { HouseholdView } from '../../src/domain/residents'
import type { MotionView } from '../../src/domain/motions'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, fillField, launchBrowser, pageWithSession, shot, startServer, useLargestFont, type RunningServer } from './harness'
import { rmSync } from 'node:fs'
import { join } from 'node:path'

interface Login {
  token: string
  expiresAt: string
  user: { id: string; name: string; household: { id: string } | null }
}

let server: RunningServer
let browser: Browser

before(async () => {
  rmSync(join(SHOTS_DIR, 'motions'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const login = (role: string, extra: Record<string, unknown> = {}) => api<Login>(server.url, 'auth.devLogin', { role, ...extra })
const getMotion = (id: string, token: string) => api<MotionView>(server.url, 'motion.get', { id }, token)

async function open(page: Page, path: string, testid: string): Promise<void> {
  await page.goto(`${server.url}/#${path}`)
  await byTestId(page, testid).first().waitFor()
}

/** In a detail page: take the committee's next step through its confirmation. */
async function advance(page: Page, expect: string): Promise<void> {
  await byTestId(page, 'motion-advance').click()
  await byTestId(page, 'advance-dialog').waitFor()
  await byTestId(page, 'advance-confirm').click()
  await page.locator('[data-testid="detail-status"] >> visible=true', { hasText: expect }).waitFor()
}

async function castOnline(page: Page, motionId: string, choice: string): Promise<string> {
  await open(page, `/packages/motions/detail/index?id=${motionId}`, 'cast-card')
  await byTestId(page, `cast-choice-${choice}`).click()
  await byTestId(page, 'cast-submit').click()
  await byTestId(page, 'cast-dialog').waitFor()
  await byTestId(page, 'cast-confirm').click()
  const code = byTestId(page, 'receipt-code')
  await code.waitFor()
  return (await code.innerText()).trim()
}

test('draft → 征求意见 with a comment, a reply and a revision → voting online and offline → close → result, receipt, rules', async () => {
  const committeeLogin = await login('committee', { name: '陈秀兰' })
  const committee = await pageWithSession(browser, server.url, committeeLogin)

  // --- the committee drafts a rules motion from the 议事 tab ---
  await open(committee, '/pages/vote/index', 'vote-home')
  await byTestId(committee, 'motion-new').click()
  await byTestId(committee, 'draft-form').waitFor()
  await fillField(committee, 'draft-title', '锦江社区文明养犬公约')
  await fillField(committee, 'draft-preamble', '为了邻里和睦、环境整洁，经居民代表提议，制定本公约。')
  await fillField(committee, 'article-text-0', '出门遛狗须牵绳，绳长不超过 1.5 米。')
  await byTestId(committee, 'article-add').click()
  await fillField(committee, 'article-text-1', '犬只粪便由主人当即清理。')
  await byTestId(committee, 'article-add').click()
  await fillField(committee, 'article-text-2', '大型犬不得进入儿童游乐区。')
  await byTestId(committee, 'draft-submit').click()
  await committee.waitForURL(/packages\/motions\/detail/)
  await byTestId(committee, 'motion-detail').waitFor()
  const motionId = new URL(committee.url().replace('#/', '')).searchParams.get('id')!
  assert.ok(motionId)
  assert.equal(await byTestId(committee, 'detail-status').innerText(), '草稿')
  await advance(committee, '征求意见')

  // --- a resident reads it from the tab and comments on 第二条 ---
  const aLogin = await login('resident', { name: '王建华' })
  const a = await pageWithSession(browser, server.url, aLogin)
  await open(a, '/pages/vote/index', 'open-list')
  const card = a.locator(`[data-testid="motion-card"][data-id="${motionId}"] >> visible=true`)
  await card.waitFor()
  assert.match(await card.innerText(), /正在征求意见，欢迎提意见/)
  await card.click()
  await byTestId(a, 'comment-form').waitFor()
  await byTestId(a, 'comment-target-1').click()
  await fillField(a, 'comment-text', '建议写明不清理粪便怎么处理，不然没有约束力。')
  await byTestId(a, 'comment-submit').click()
  await byTestId(a, 'comment-sent').waitFor()

  // --- the committee replies and revises 第二条 ---
  await committee.reload()
  await byTestId(committee, 'comment-item').waitFor()
  await byTestId(committee, 'reply-start').click()
  await fillField(committee, 'reply-text', '谢谢建议，已在第二条补充。')
  await byTestId(committee, 'reply-submit').click()
  await byTestId(committee, 'comment-reply').waitFor()
  await byTestId(committee, 'motion-edit').click()
  await byTestId(committee, 'draft-published-note').waitFor()
  await fillField(committee, 'article-text-1', '犬只粪便由主人当即清理；不清理的，由网格员劝导并在楼栋公示。')
  await byTestId(committee, 'draft-submit').click()
  await byTestId(committee, 'revision-card').waitFor()

  // --- the resident sees what changed ---
  await a.reload()
  await byTestId(a, 'detail-revised').waitFor()
  const change = byTestId(a, 'change-changed')
  await change.waitFor()
  const changed = await change.innerText()
  assert.match(changed, /第二条/)
  assert.match(changed, /原文：\s*犬只粪便由主人当即清理。/)
  assert.match(changed, /不清理的，由网格员劝导/)
  assert.match(await byTestId(a, 'comment-reply').innerText(), /已在第二条补充/)
  await shot(a, 'motions/01-consultation-top')
  await byTestId(a, 'revision-card').scrollIntoViewIfNeeded()
  await shot(a, 'motions/02-consultation-diff')

  // --- voting opens ---
  // the committee is back on the detail page (the edit page returns there after saving)
  await advance(committee, '表决中')
  const eligible = (await getMotion(motionId, committeeLogin.token)).turnout.eligible
  assert.ok(eligible > 0)

  // two residents vote in the browser; the receipt is shown once, with what it is for
  const receiptA = await castOnline(a, motionId, 'yes')
  assert.match(receiptA, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)
  // what the card says of keeping it is what the phone does (kept until 我已记下)
  assert.match(await byTestId(a, 'receipt-explain').innerText(), /保存在这台手机上，重新打开本页还能看到/)
  await shot(a, 'motions/03-receipt')
  // the receipt was made and kept on the phone before sending; 我已记下 deletes it there
  const keptOn = (page: Page) => page.evaluate('JSON.stringify(window.localStorage)') as Promise<string>
  assert.ok((await keptOn(a)).includes(receiptA))
  await byTestId(a, 'receipt-done').click()
  await byTestId(a, 'detail-my-status').filter({ hasText: '您已投票' }).waitFor()
  assert.equal(await byTestId(a, 'receipt-code').count(), 0)
  assert.ok(!(await keptOn(a)).includes(receiptA))

  // a weak network: the server stores 李秀芳's ballot but the reply never reaches her phone; her retry is
  // ALREADY_VOTED and the receipt kept on the phone is verified and shown
  // (another grid than 王建华's, so the two never share a household whose roster lists one adult)
  const bLogin = await login('resident', { name: '李秀芳', gridId: 'g_jj_2' })
  const b = await pageWithSession(browser, server.url, bLogin)
  let lost = 0
  await b.route('**/api', async (route) => {
    if (lost === 0 && (route.request().postData() ?? '').includes('"motion.cast"')) {
      lost += 1
      await route.fetch() // the server gets it and stores the ballot
      return route.abort('connectionreset')
    }
    return route.continue()
  })
  await open(b, `/packages/motions/detail/index?id=${motionId}`, 'cast-card')
  await byTestId(b, 'cast-choice-no').click()
  await byTestId(b, 'cast-submit').click()
  await byTestId(b, 'cast-confirm').click()
  await byTestId(b, 'cast-error').waitFor()
  assert.equal(lost, 1)
  await byTestId(b, 'cast-submit').click()
  await byTestId(b, 'cast-confirm').click()
  assert.match(await byTestId(b, 'receipt-title').innerText(), /您上次提交的表决已计入/)
  const receiptB = (await byTestId(b, 'receipt-code').innerText()).trim()
  assert.match(receiptB, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)
  await shot(b, 'motions/03b-receipt-recovered')

  // more neighbours vote through the API, so that the quorum (more than half of the adults) is met
  // (each demo login lands in a random household of its grid; a household whose roster adults have all voted is
  // refused, NOT_ELIGIBLE, so the neighbours come from all three grids and a refused one is simply not counted)
  const needed = Math.floor(eligible / 2) + 1 - 3
  const grids = ['g_jj_1', 'g_jj_2', 'g_jj_3']
  const votedHomes = new Set([aLogin.user.household?.id, bLogin.user.household?.id])
  let cast = 0
  for (let i = 0; cast < needed; i++) {
    assert.ok(i < 400, `only ${cast} of ${needed} neighbours could vote`)
    const voter = await login('resident', { name: `居民${i + 1}`, gridId: grids[i % 3] })
    try {
      await api(server.url, 'motion.cast', { id: motionId, choice: cast % 5 === 4 ? 'abstain' : 'yes' }, voter.token)
      cast += 1
      votedHomes.add(voter.user.household?.id)
    } catch (e) {
      assert.match(String(e), /NOT_ELIGIBLE/)
    }
  }

  // the committee records a meeting ballot for a resident without a smartphone (registered on the roster)
  // (in a household none of the voters above lives in, so its places are free)
  const households = await api<{ items: HouseholdView[] }>(server.url, 'household.list', { limit: 50 }, committeeLogin.token)
  const home = households.items.find((h) => !votedHomes.has(h.id))
  assert.ok(home, 'a household where nobody has voted yet')
  await api(server.url, 'resident.register', { householdId: home.id, name: '赵老伯' }, committeeLogin.token)
  await committee.reload()
  await byTestId(committee, 'motion-offline').click()
  await byTestId(committee, 'offline-picker').waitFor()
  await fillField(committee, 'offline-search', '赵老伯')
  const person = committee.locator('[data-testid="offline-person-row"] >> visible=true', { hasText: '赵老伯' })
  await person.waitFor()
  // the household's address under the name tells namesakes apart
  assert.ok((await person.innerText()).includes(`${home.building}${home.unit ?? ''}${home.room}`))
  await shot(committee, 'motions/04-offline-picker')
  await person.click()
  await byTestId(committee, 'offline-choice-yes').click()
  await byTestId(committee, 'offline-submit').click()
  await byTestId(committee, 'offline-dialog').waitFor()
  await byTestId(committee, 'offline-confirm').click()
  await byTestId(committee, 'receipt-code').waitFor()
  await shot(committee, 'motions/05-offline-receipt')

  const during = await getMotion(motionId, aLogin.token)
  assert.equal(during.turnout.cast, needed + 3)
  assert.equal(during.result, null, 'no tally before close')

  // --- the committee closes; the result ---
  await open(committee, `/packages/motions/detail/index?id=${motionId}`, 'motion-detail')
  // ending it: the turnout against the quorum first (met here, so one confirmation)
  await byTestId(committee, 'motion-advance').click()
  assert.match(await byTestId(committee, 'advance-quorum').innerText(), new RegExp(`已投 ${needed + 3} 人.*已达到`))
  await byTestId(committee, 'advance-confirm').click()
  await committee.locator('[data-testid="detail-status"] >> visible=true', { hasText: '已结束' }).waitFor()
  assert.match(await byTestId(committee, 'detail-verdict').innerText(), /已通过/)

  await open(a, `/packages/motions/result/index?id=${motionId}`, 'result-screen')
  assert.match(await byTestId(a, 'result-verdict').innerText(), /通过/)
  assert.equal((await byTestId(a, 'figure-total').innerText()).split('\n')[0], String(needed + 3))
  assert.equal((await byTestId(a, 'figure-offline').innerText()).split('\n')[0], '1')
  assert.match(await byTestId(a, 'result-quorum').innerText(), /达到法定人数/)
  assert.match(await byTestId(a, 'ballot-sum').innerText(), /与计票结果一致/)
  await shot(a, 'motions/06-result-chart')
  await byTestId(a, 'verify-card').scrollIntoViewIfNeeded()
  await fillField(a, 'verify-input', receiptA.toLowerCase().replace(/-/g, ''))
  await byTestId(a, 'verify-submit').click()
  assert.equal(await byTestId(a, 'verify-outcome').innerText(), '✓ 已计入：赞成')
  await shot(a, 'motions/07-verified')
  // the receipt found again after the lost reply is the one counted, with 李秀芳's choice
  await fillField(a, 'verify-input', receiptB)
  await byTestId(a, 'verify-submit').click()
  await a.locator('[data-testid="verify-outcome"] >> visible=true', { hasText: '✓ 已计入：反对' }).waitFor()
  await fillField(a, 'verify-input', 'ABCD-EFGH-JKMN-PQRS')
  await byTestId(a, 'verify-submit').click()
  await a.locator('[data-testid="verify-outcome"] >> visible=true', { hasText: '未找到' }).waitFor()
  await byTestId(a, 'ballot-more').click()
  assert.equal(await byTestId(a, 'ballot-row').count(), 20)

  // --- the rules in force; the committee records the filing ---
  await open(committee, '/packages/motions/rules/index', 'rules-current')
  assert.equal(await byTestId(committee, 'rules-title').innerText(), '锦江社区文明养犬公约')
  assert.equal(await byTestId(committee, 'rules-article').count(), 3)
  await byTestId(committee, 'rules-file-submit').click()
  await byTestId(committee, 'rules-filed').waitFor()
  await shot(committee, 'motions/08-rules')

  // --- the tab after close, and the pages at WeChat's largest font ---
  await open(a, '/pages/vote/index', 'closed-list')
  await a.locator('[data-testid="motion-passed"] >> visible=true').first().waitFor()
  await shot(a, 'motions/09-tab')
  await useLargestFont(a)
  await assertNoHorizontalOverflow(a)
  await shot(a, 'motions/10-tab-largest-font')
  await open(a, `/packages/motions/result/index?id=${motionId}`, 'result-screen')
  await useLargestFont(a)
  await assertNoHorizontalOverflow(a)
  await shot(a, 'motions/11-result-largest-font')
  await open(a, `/packages/motions/detail/index?id=${motionId}`, 'motion-detail')
  await useLargestFont(a)
  await assertNoHorizontalOverflow(a)
  await shot(a, 'motions/12-detail-largest-font')
})

test('ending a vote short of the quorum: turnout against the quorum and 未通过 said first, then asked a second time', async () => {
  const c = await login('committee', { name: '陈秀兰' })
  const hour = 3600_000
  const m = await api<MotionView>(
    server.url,
    'motion.create',
    {
      title: '东门加装雨棚',
      articles: [{ text: '在小区东门加装雨棚一处。' }],
      kind: 'rules',
      eligibility: 'adults',
      voteFrom: new Date(Date.now() + hour).toISOString(),
      voteUntil: new Date(Date.now() + 72 * hour).toISOString(),
    },
    c.token,
  )
  await api(server.url, 'motion.advance', { id: m.id, from: 'draft' }, c.token)
  await api(server.url, 'motion.advance', { id: m.id, from: 'consultation' }, c.token)
  const page = await pageWithSession(browser, server.url, c)
  await open(page, `/packages/motions/detail/index?id=${m.id}`, 'motion-detail')
  await byTestId(page, 'motion-advance').click()
  assert.match(await byTestId(page, 'advance-quorum').innerText(), /已投 0 人，法定人数至少 \d+ 人.*还差 \d+ 人/)
  assert.match(await byTestId(page, 'advance-verdict').innerText(), /未通过（参与人数未达到法定要求）/)
  await shot(page, 'motions/13-close-short-of-quorum')
  await byTestId(page, 'advance-confirm').click()
  await byTestId(page, 'advance-again').waitFor()
  assert.equal((await getMotion(m.id, c.token)).status, 'voting', 'not closed by the first confirmation')
  await shot(page, 'motions/14-close-asked-again')
  await byTestId(page, 'advance-again-confirm').click()
  await page.locator('[data-testid="detail-status"] >> visible=true', { hasText: '已结束' }).waitFor()
  assert.match(await byTestId(page, 'detail-verdict').innerText(), /未通过（参与人数未达到法定要求）/)
})
