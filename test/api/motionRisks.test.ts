/**
 * 稳评 (issue 18) through the dispatcher on the run's engine: a major motion cannot enter voting — by the
 * committee's step or by its schedule — until its 社会稳定风险评估 clears it (高: the street signs off); who may
 * file, sign and read what; bad input with nothing written; retries; and the races of a filing with a step or
 * a sign-off.
 */
import type { MotionAssessRiskInput, MotionView, RiskReviewPage } from '@/domain/motions'
import { makeHarness, type Harness } from './support/harness'
import { raceJobs, WHO } from './support/reportFixtures'

// the races spawn worker processes: on a busy two-core machine a test takes longer than the default 20 s
jest.setTimeout(120_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const VOTE_FROM = '2025-03-05T00:00:00.000Z'
const VOTE_UNTIL = '2025-03-08T00:00:00.000Z'

function draftInput(over: Record<string, unknown> = {}) {
  return {
    title: '锦江社区加装电梯方案',
    articles: [{ text: '一号楼加装电梯，费用按楼层分摊。' }],
    kind: 'matter',
    options: ['同意', '不同意'],
    eligibility: 'households',
    voteFrom: VOTE_FROM,
    voteUntil: VOTE_UNTIL,
    major: true,
    ...over,
  }
}

function assessment(id: string, over: Partial<MotionAssessRiskInput> = {}): MotionAssessRiskInput {
  return {
    id,
    risks: [
      { category: 'reasonableness', description: '低层住户认为分摊比例不公' },
      { category: 'safety', description: '施工期间楼道通行受影响' },
    ],
    consultation: { summary: '召开楼栋会两次，入户征求意见 24 户' },
    level: 'medium',
    mitigation: '低层住户分摊比例下调；施工分段进行并提前公告',
    ...over,
  }
}

async function published(over: Record<string, unknown> = {}): Promise<MotionView> {
  const m = await h.ok<MotionView>('motion.create', draftInput(over), WHO.committee)
  return h.ok<MotionView>('motion.advance', { id: m.id, from: 'draft' }, WHO.committee)
}

// the demo seed holds one major motion with a 高 稳评 waiting for the street (cloud/seed/seedMotions.ts): not counted
const SEEDED = 'mo_demo_elevator'
const riskRows = async () => Number(await h.sql.value('SELECT count(*) FROM motion_risk_assessments WHERE motion_id <> ?', [SEEDED]))
const queueOf = async (who: string) => (await h.ok<RiskReviewPage>('motion.riskReviews', {}, who)).items.filter((i) => i.motionId !== SEEDED)
const statusOf = async (id: string) => String(await h.sql.value('SELECT status FROM motions WHERE id = ?', [id]))

describe('a major motion waits for its 稳评', () => {
  test('the committee cannot open voting without one; after a 中 filing it can; residents see that it was made and its level', async () => {
    const m = await published()
    expect(m.major).toBe(true)
    expect(m.risk).toEqual({ major: true, assessment: null, block: '重大事项须先提交社会稳定风险评估，才能进入表决', full: null })
    expect(m.can.assessRisk).toBe(true)

    const refused = await h.call('motion.advance', { id: m.id, from: 'consultation' }, WHO.committee)
    expect(refused).toMatchObject({ ok: false, error: { code: 'RISK_ASSESSMENT_REQUIRED', message: '重大事项须先提交社会稳定风险评估，才能进入表决' } })
    expect(await statusOf(m.id)).toBe('consultation')

    const filed = await h.ok<MotionView>('motion.assessRisk', assessment(m.id), WHO.committee)
    expect(filed.risk.block).toBeNull()
    expect(filed.risk.full).toMatchObject({ rev: 1, level: 'medium', filedByName: '陈秀兰', signOff: null })
    expect(filed.risk.full?.risks.map((r) => r.category)).toEqual(['reasonableness', 'safety'])

    const seen = await h.ok<MotionView>('motion.get', { id: m.id }, WHO.resident)
    expect(seen.risk).toEqual({ major: true, assessment: { level: 'medium', filedAt: filed.risk.full!.filedAt, signOff: null }, block: null, full: null })
    expect(JSON.stringify(seen)).not.toContain('分摊比例不公')
    expect(seen.can.assessRisk).toBe(false)

    const voting = await h.ok<MotionView>('motion.advance', { id: m.id, from: 'consultation' }, WHO.committee)
    expect(voting.status).toBe('voting')
    const audit = await h.sql.all<{ action: string }>("SELECT action FROM audit_log WHERE target_id = ? ORDER BY id", [m.id])
    expect(audit.map((a) => a.action)).toEqual(['motion.create', 'motion.advance', 'motion.assessRisk', 'motion.advance'])
  })

  test('the schedule does not open voting on a held motion; once cleared, the next read does', async () => {
    const m = await published()
    h.clock.set(new Date('2025-03-05T01:00:00.000Z'))
    const held = await h.ok<MotionView>('motion.get', { id: m.id }, WHO.resident)
    expect(held.status).toBe('consultation')
    expect(held.can.cast).toBe(false)
    await h.ok('motion.assessRisk', assessment(m.id, { level: 'low' }), WHO.committee)
    expect((await h.ok<MotionView>('motion.get', { id: m.id }, WHO.resident)).status).toBe('voting')
  })

  test('高: the street of the community finds it in its queue, returns it, then approves the revised filing; voting opens', async () => {
    const m = await published()
    const high = await h.ok<MotionView>('motion.assessRisk', assessment(m.id, { level: 'high' }), WHO.committee)
    expect(high.risk.block).toBe('稳评为高风险，须经街道审核同意后才能进入表决')
    expect(high.risk.full?.signOff).toBe('pending')

    expect(await queueOf(WHO.street)).toEqual([{ motionId: m.id, title: '锦江社区加装电梯方案', communityName: '锦江社区', level: 'high', rev: 1, filedAt: high.risk.full!.filedAt }])
    const streetView = await h.ok<MotionView>('motion.get', { id: m.id }, WHO.street)
    expect(streetView.can.signOffRisk).toBe(true)
    expect(streetView.risk.full?.mitigation).toContain('分段进行')
    expect(streetView.can.cast).toBe(false)

    const returned = await h.ok<MotionView>('motion.signOffRisk', { id: m.id, rev: 1, decision: 'returned', note: '请补充对低层住户的补偿方案' }, WHO.street)
    expect(returned.risk.block).toBe('稳评被街道退回，请修改后重新提交')
    expect(returned.risk.full).toMatchObject({ signOff: 'returned', signedByName: '赵明', signNote: '请补充对低层住户的补偿方案' })
    expect((await h.call('motion.advance', { id: m.id }, WHO.committee))).toMatchObject({ ok: false, error: { code: 'RISK_ASSESSMENT_REQUIRED', message: '稳评被街道退回，请修改后重新提交' } })
    expect(await queueOf(WHO.street)).toEqual([])

    await h.ok('motion.assessRisk', assessment(m.id, { level: 'high', mitigation: '低层住户免于分摊，由公共维修资金补足' }), WHO.committee)
    const stale = await h.call('motion.signOffRisk', { id: m.id, rev: 1, decision: 'approved' }, WHO.street)
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '稳评已更新或已审核过，请刷新后查看最新内容' } })
    const approved = await h.ok<MotionView>('motion.signOffRisk', { id: m.id, rev: 2, decision: 'approved' }, WHO.street)
    expect(approved.risk.block).toBeNull()
    expect((await h.ok<MotionView>('motion.get', { id: m.id }, WHO.resident)).risk.assessment).toMatchObject({ level: 'high', signOff: 'approved' })
    expect((await h.ok<MotionView>('motion.advance', { id: m.id, from: 'consultation' }, WHO.committee)).status).toBe('voting')
  })

  test('a plain motion needs none; a published major motion cannot be unmarked; a retried filing is one filing', async () => {
    const plain = await published({ major: false })
    expect(plain.risk).toEqual({ major: false, assessment: null, block: null, full: null })
    expect(await h.call('motion.assessRisk', assessment(plain.id), WHO.committee)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const m = await published()
    expect(await h.call('motion.update', { id: m.id, major: false }, WHO.committee)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '议题已公布，不能取消重大事项标记' },
    })
    await h.ok('motion.assessRisk', assessment(m.id), WHO.committee, 'risk-retry-01')
    const again = await h.ok<MotionView>('motion.assessRisk', assessment(m.id), WHO.committee, 'risk-retry-01')
    expect(again.risk.full?.rev).toBe(1)
    expect(await h.call('motion.assessRisk', assessment(m.id, { level: 'low' }), WHO.committee, 'risk-retry-01')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await riskRows()).toBe(1)
  })
})

describe('who may', () => {
  test('file: the committee of the motion only; sign off: the street above it only; the queue: street staff only', async () => {
    const m = await published()
    const before = await riskRows()
    for (const who of [WHO.resident, WHO.volunteer, WHO.worker, WHO.street, WHO.district, WHO.city]) {
      const r = await h.call('motion.assessRisk', assessment(m.id), who)
      expect(r.ok ? 'ok' : r.error.code).toMatch(/FORBIDDEN|NOT_FOUND/)
    }
    expect(await h.call('motion.assessRisk', assessment(m.id), WHO.committeeOther)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await riskRows()).toBe(before)

    await h.ok('motion.assessRisk', assessment(m.id, { level: 'high' }), WHO.committee)
    for (const who of [WHO.committee, WHO.worker, WHO.resident, WHO.district, WHO.city]) {
      const r = await h.call('motion.signOffRisk', { id: m.id, rev: 1, decision: 'approved' }, who)
      expect(r.ok ? 'ok' : r.error.code).toMatch(/FORBIDDEN|NOT_FOUND/)
    }
    await h.sql.run("INSERT INTO streets (id, name, seq, district_id) VALUES ('st_far', '远郊街道', 9, NULL)")
    await h.sql.run("INSERT INTO communities (id, street_id, name, kind, seq) VALUES ('c_far', 'st_far', '远郊社区', 'community', 0)")
    const farStreet = await h.devLogin({ role: 'street', name: '外街干部', communityId: 'c_far' })
    expect(await h.call('motion.signOffRisk', { id: m.id, rev: 1, decision: 'approved' }, farStreet)).toMatchObject({ ok: false })
    expect(String(await h.sql.value('SELECT sign_off FROM motion_risk_assessments WHERE motion_id = ?', [m.id]))).toBe('pending')
    for (const who of [WHO.committee, WHO.resident, WHO.district]) {
      expect(await h.call('motion.riskReviews', {}, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有街道工作人员可以审核高风险稳评' } })
    }
  })

  test('read: the district sees the whole assessment, read only; another community sees nothing', async () => {
    const m = await published()
    await h.ok('motion.assessRisk', assessment(m.id), WHO.committee)
    const district = await h.ok<MotionView>('motion.get', { id: m.id }, WHO.district)
    expect(district.risk.full?.level).toBe('medium')
    expect(district.can).toMatchObject({ assessRisk: false, signOffRisk: false, advance: false, cast: false })
    expect(await h.call('motion.get', { id: m.id }, WHO.residentOther)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('bad input: a code, a Chinese message, nothing written', () => {
  test.each([
    ['no level', { level: undefined }, '请选择风险等级'],
    ['an unknown category', { risks: [{ category: 'luck', description: 'x' }] }, '风险类别不正确'],
    ['an empty mitigation', { mitigation: '' }, '化解措施'],
    ['no consultation summary', { consultation: { summary: '' } }, '征求意见情况'],
    ['21 risks', { risks: Array.from({ length: 21 }, () => ({ category: 'safety', description: '隐患' })) }, '风险最多 20 条'],
    ['a control character', { mitigation: '分段\u0007施工' }, '化解措施'],
  ])('%s', async (_name, over, message) => {
    const m = await published()
    const r = await h.call('motion.assessRisk', { ...assessment(m.id), ...over }, WHO.committee)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!r.ok) expect(JSON.stringify(r.error)).toContain(message)
    expect(await riskRows()).toBe(0)
  })

  test('a comment of another motion is refused', async () => {
    const other = await published({ major: false })
    const comment = await h.ok<{ id: string }>('motion.comment', { id: other.id, text: '同意' }, WHO.resident)
    const m = await published()
    const r = await h.call('motion.assessRisk', assessment(m.id, { consultation: { summary: '征求意见', commentIds: [comment.id] } }), WHO.committee)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '关联的意见不属于本议题' } })
    expect(await riskRows()).toBe(0)
  })

  test('a sign-off without a decision, or of a non-number revision', async () => {
    const m = await published()
    expect(await h.call('motion.signOffRisk', { id: m.id, rev: 1 }, WHO.street)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('motion.signOffRisk', { id: m.id, rev: 'one', decision: 'approved' }, WHO.street)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('races', () => {
  // the workers run on the real clock: the vote lies far ahead of it, so no scheduled step interferes
  const FAR = { voteFrom: '2099-03-05T00:00:00.000Z', voteUntil: '2099-03-08T00:00:00.000Z' }

  test('opening voting while a 高 refiling lands: voting never opens on a held motion', async () => {
    const m = await published(FAR)
    await h.ok('motion.assessRisk', assessment(m.id, { level: 'low' }), WHO.committee)
    const [advances, filings] = await raceJobs(h.location, [
      { action: 'motion.advance', payload: { id: m.id, from: 'consultation' }, userId: WHO.committee, count: 1 },
      { action: 'motion.assessRisk', payload: assessment(m.id, { level: 'high' }), userId: WHO.committee, count: 1 },
    ])
    const status = await statusOf(m.id)
    const gate = String(await h.sql.value('SELECT risk_gate FROM motions WHERE id = ?', [m.id]))
    if (status === 'voting') {
      // the step went first: the refiling found voting open and wrote nothing
      expect(advances![0]).toMatchObject({ ok: true })
      expect(filings![0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(gate).toBe('cleared')
    } else {
      expect(filings![0]).toMatchObject({ ok: true })
      expect(advances![0]).toMatchObject({ ok: false, error: { code: 'RISK_ASSESSMENT_REQUIRED' } })
      expect(gate).toBe('pending')
    }
  })

  test('two street staff signing the same filing at once: one decision', async () => {
    const m = await published(FAR)
    await h.ok('motion.assessRisk', assessment(m.id, { level: 'high' }), WHO.committee)
    const second = await h.devLogin({ role: 'street', name: '钱街道', communityId: 'c_jinjiang' })
    const [a, b] = await raceJobs(h.location, [
      { action: 'motion.signOffRisk', payload: { id: m.id, rev: 1, decision: 'approved' }, userId: WHO.street, count: 1 },
      { action: 'motion.signOffRisk', payload: { id: m.id, rev: 1, decision: 'returned' }, userId: second, count: 1 },
    ])
    expect([a![0]!.ok, b![0]!.ok].filter(Boolean)).toHaveLength(1)
    const losing = [a![0]!, b![0]!].find((r) => !r.ok)
    expect(losing).toMatchObject({ error: { code: 'CONFLICT' } })
    const audits = Number(await h.sql.value("SELECT count(*) FROM audit_log WHERE action = 'motion.signOffRisk' AND target_id = ?", [m.id]))
    expect(audits).toBe(1)
  })
})
