// Issue 18's 稳评 journey in real Chromium at a phone viewport, against the H5 build and the real server on a fresh
// SQLite file: the committee drafts a 重大事项 and publishes it → it cannot open voting (no 开始表决; the server
// refuses too) → the committee files a 高 稳评 → the street finds it in 稳评审核 and approves it → the committee
// opens voting → a resident sees the level and votes. Screenshots go to test-results/e2e/motionRisk/.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { MotionView } from '../../src/domain/motions'
import { SHOTS_DIR, api, assertNoHorizontalOverflow, byTestId, fillField, launchBrowser, pageWithSession, shot, startServer, useLargestFont, type RunningServer } from './harness'

interface Login {
  token: string
  expiresAt: string
  user: { id: string; name: string }
}

let server: RunningServer
let browser: Browser

before(async () => {
  rmSync(join(SHOTS_DIR, 'motionRisk'), { recursive: true, force: true })
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const login = (role: string, extra: Record<string, unknown> = {}) => api<Login>(server.url, 'auth.devLogin', { role, ...extra })

async function open(page: Page, path: string, testid: string): Promise<void> {
  await page.goto(`${server.url}/#${path}`)
  await byTestId(page, testid).first().waitFor()
}

test('a 重大事项 is held until its 稳评 clears it: 高 → the street approves → voting opens → a resident votes', async () => {
  const committeeSession = await login('committee', { name: '陈秀兰' })
  const committee = await pageWithSession(browser, server.url, committeeSession)

  // draft a major motion and publish it for 征求意见
  await open(committee, '/pages/vote/index', 'vote-home')
  await byTestId(committee, 'motion-new').click()
  await byTestId(committee, 'draft-form').waitFor()
  await fillField(committee, 'draft-title', '3栋加装电梯方案')
  await fillField(committee, 'article-text-0', '3栋北侧单元加装电梯一部，费用扣除补助后按楼层分摊。')
  await byTestId(committee, 'draft-kind-matter').click()
  await fillField(committee, 'option-0', '同意加装')
  await fillField(committee, 'option-1', '不同意加装')
  await byTestId(committee, 'draft-eligibility-households').click()
  await byTestId(committee, 'draft-major').click()
  await shot(committee, 'motionRisk/01-draft-major')
  await byTestId(committee, 'draft-submit').click()
  await committee.waitForURL(/packages\/motions\/detail/)
  const motionId = new URL(committee.url().replace('/#/', '/')).searchParams.get('id')!
  await byTestId(committee, 'motion-advance').click()
  await byTestId(committee, 'advance-confirm').click()
  await committee.locator('[data-testid="detail-status"] >> visible=true', { hasText: '征求意见' }).waitFor()

  // held: no 开始表决, the card says why; the server refuses the step as well
  await byTestId(committee, 'risk-block').filter({ hasText: '重大事项须先提交社会稳定风险评估' }).waitFor()
  assert.equal(await byTestId(committee, 'motion-advance').count(), 0)
  const refused = await fetch(`${server.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${committeeSession.token}` },
    body: JSON.stringify({ action: 'motion.advance', payload: { id: motionId, from: 'consultation' } }),
  }).then((r) => r.json() as Promise<{ ok: boolean; error?: { code: string } }>)
  assert.equal(refused.error?.code, 'RISK_ASSESSMENT_REQUIRED')
  await byTestId(committee, 'risk-card').scrollIntoViewIfNeeded()
  await shot(committee, 'motionRisk/02-held')

  // the committee files a 高 稳评
  await byTestId(committee, 'risk-assess').click()
  await byTestId(committee, 'risk-form').waitFor()
  await fillField(committee, 'risk-description-0', '一层住户担心采光受影响，二层住户认为分摊比例偏高。')
  await byTestId(committee, 'risk-add').click()
  await byTestId(committee, 'risk-category-1-safety').click()
  await fillField(committee, 'risk-description-1', '施工期间北侧入口通行受限。')
  await fillField(committee, 'risk-summary', '召开楼栋会两次，入户征求意见 20 户。')
  await byTestId(committee, 'risk-level-high').click()
  await fillField(committee, 'risk-mitigation', '调整施工方案减少遮挡；施工期间设临时通道。')
  await shot(committee, 'motionRisk/03-form')
  await byTestId(committee, 'risk-submit').click()
  await byTestId(committee, 'motion-detail').waitFor()
  await byTestId(committee, 'risk-block').filter({ hasText: '须经街道审核同意' }).waitFor()
  assert.equal(await byTestId(committee, 'motion-advance').count(), 0)

  // the street: 工作台 → 稳评审核 → the motion → 同意进入表决
  const street = await pageWithSession(browser, server.url, await login('street', { name: '赵明' }))
  await open(street, '/pages/me/index', 'desk-risk-reviews')
  await byTestId(street, 'desk-risk-reviews').click()
  const row = byTestId(street, 'risk-review').filter({ hasText: '3栋加装电梯方案' })
  await row.waitFor()
  await shot(street, 'motionRisk/04-street-queue')
  await row.click()
  await byTestId(street, 'risk-full').waitFor()
  await byTestId(street, 'risk-signoff').scrollIntoViewIfNeeded()
  await fillField(street, 'risk-sign-text', '同意，施工期间注意老人出行安全。')
  await shot(street, 'motionRisk/05-street-signoff')
  await byTestId(street, 'risk-approve').click()
  await byTestId(street, 'risk-sign-note').filter({ hasText: '注意老人出行安全' }).waitFor()
  assert.equal(await byTestId(street, 'risk-block').count(), 0)

  // the committee opens voting
  await committee.reload()
  await byTestId(committee, 'motion-advance').click()
  await byTestId(committee, 'advance-confirm').click()
  await committee.locator('[data-testid="detail-status"] >> visible=true', { hasText: '表决中' }).waitFor()

  // a resident sees the level and that the street agreed, never the assessment, and votes
  const residentSession = await login('resident', { name: '王建华' })
  const resident = await pageWithSession(browser, server.url, residentSession)
  await open(resident, `/packages/motions/detail/index?id=${motionId}`, 'risk-card')
  const level = byTestId(resident, 'risk-level')
  assert.match(await level.innerText(), /高风险/)
  assert.match(await level.innerText(), /街道已同意/)
  assert.equal(await byTestId(resident, 'risk-full').count(), 0)
  await byTestId(resident, 'risk-card').scrollIntoViewIfNeeded()
  await shot(resident, 'motionRisk/06-resident-sees-level')
  await useLargestFont(resident)
  await assertNoHorizontalOverflow(resident)
  await shot(resident, 'motionRisk/07-resident-largest-font')
  await byTestId(resident, 'cast-choice-0').click()
  await byTestId(resident, 'cast-submit').click()
  await byTestId(resident, 'cast-confirm').click()
  await byTestId(resident, 'receipt-code').waitFor()
  const m = await api<MotionView>(server.url, 'motion.get', { id: motionId }, residentSession.token)
  assert.equal(m.turnout.cast, 1)
  assert.deepEqual(m.risk.assessment && { level: m.risk.assessment.level, signOff: m.risk.assessment.signOff }, { level: 'high', signOff: 'approved' })
})
