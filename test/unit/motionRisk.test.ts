// 稳评's rules as data (src/domain/motions/risk.ts): which filing clears a major motion for voting, and what the
// committee is told while it is held.
import { clearsVoting, gateAfterFiling, motionAssessRiskSchema, riskBlock, RISK_LEVELS } from '@/domain/motions'

describe('the gate to voting', () => {
  test('低 and 中 clear at once; 高 only with the street’s approval', () => {
    expect(RISK_LEVELS.map((l) => clearsVoting(l, null))).toEqual([true, true, false])
    expect(clearsVoting('high', 'pending')).toBe(false)
    expect(clearsVoting('high', 'returned')).toBe(false)
    expect(clearsVoting('high', 'approved')).toBe(true)
  })

  test('a filing sets the gate: 高 waits for a pending sign-off, the others clear with none', () => {
    expect(gateAfterFiling('low')).toEqual({ gate: 'cleared', signOff: null })
    expect(gateAfterFiling('medium')).toEqual({ gate: 'cleared', signOff: null })
    expect(gateAfterFiling('high')).toEqual({ gate: 'pending', signOff: 'pending' })
  })

  test('what holds it, in the committee’s words', () => {
    expect(riskBlock('none', null)).toBeNull()
    expect(riskBlock('cleared', { level: 'high', signOff: 'approved' })).toBeNull()
    expect(riskBlock('pending', null)).toBe('重大事项须先提交社会稳定风险评估，才能进入表决')
    expect(riskBlock('pending', { level: 'high', signOff: 'pending' })).toBe('稳评为高风险，须经街道审核同意后才能进入表决')
    expect(riskBlock('pending', { level: 'high', signOff: 'returned' })).toBe('稳评被街道退回，请修改后重新提交')
  })
})

describe('the assessment form', () => {
  const valid = {
    id: 'm_1',
    risks: [{ category: 'legality', description: '需核实是否符合物业管理条例' }],
    consultation: { summary: '居民代表会议一次' },
    level: 'low',
    mitigation: '请司法所把关',
  }

  test('a valid filing passes; no risks found is a valid finding', () => {
    expect(motionAssessRiskSchema.safeParse(valid).success).toBe(true)
    expect(motionAssessRiskSchema.safeParse({ ...valid, risks: [] }).success).toBe(true)
  })

  test.each([
    ['an unknown level', { level: 'extreme' }],
    ['more than 20 linked comments', { consultation: { summary: 'x', commentIds: Array.from({ length: 21 }, (_, i) => `c_${i}`) } }],
    ['an unknown field', { secret: true }],
    ['a 501-character risk', { risks: [{ category: 'safety', description: '险'.repeat(501) }] }],
  ])('%s is refused', (_name, over) => {
    expect(motionAssessRiskSchema.safeParse({ ...valid, ...over }).success).toBe(false)
  })
})
