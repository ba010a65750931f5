import {
  DEFAULT_RULES,
  EARN_KINDS,
  ENTRY_KINDS,
  monthOf,
  NO_VOTE_POINTS,
  pointsFor,
  pointsSetRulesSchema,
  RULE_BOUNDS,
  rulesOf,
  rewardCreateSchema,
} from '@/domain/points'

describe('积分制 rules', () => {
  test('no source kind pays for voting, and the rules page says votes earn nothing', () => {
    for (const k of [...EARN_KINDS, ...ENTRY_KINDS]) expect(k).not.toMatch(/vote|ballot|motion_cast|cast/i)
    expect(ENTRY_KINDS).toEqual(['report_accepted', 'patrol_hours', 'callout_attended', 'comment_answered', 'redemption', 'reversal'])
    expect(NO_VOTE_POINTS).toContain('投票不计积分')
    expect(pointsSetRulesSchema.safeParse({ ...DEFAULT_RULES, vote_cast: 1 }).success).toBe(false)
  })

  test('points per source within 0–50, whole numbers; every kind required', () => {
    expect(RULE_BOUNDS).toEqual({ min: 0, max: 50 })
    expect(pointsSetRulesSchema.safeParse({ ...DEFAULT_RULES, patrol_hours: 0 }).success).toBe(true)
    expect(pointsSetRulesSchema.safeParse({ ...DEFAULT_RULES, patrol_hours: 50 }).success).toBe(true)
    const over = pointsSetRulesSchema.safeParse({ ...DEFAULT_RULES, patrol_hours: 51 })
    expect(over.success).toBe(false)
    expect(over.error?.issues[0]?.message).toBe('巡逻每小时的积分不能超过 50')
    expect(pointsSetRulesSchema.safeParse({ ...DEFAULT_RULES, report_accepted: -1 }).error?.issues[0]?.message).toBe('问题被受理的积分不能小于 0')
    expect(pointsSetRulesSchema.safeParse({ ...DEFAULT_RULES, report_accepted: 1.5 }).success).toBe(false)
    const { comment_answered: _, ...missing } = DEFAULT_RULES
    expect(pointsSetRulesSchema.safeParse(missing).success).toBe(false)
  })

  test('stored rules over the defaults; out-of-bounds stored values fall back to the default', () => {
    expect(rulesOf({})).toEqual(DEFAULT_RULES)
    expect(rulesOf({ report_accepted: 10, patrol_hours: 99 })).toEqual({ ...DEFAULT_RULES, report_accepted: 10 })
  })

  test('points for a source: per event, or per patrol hour rounded half up; 0 hours earn nothing', () => {
    const rules = { ...DEFAULT_RULES, patrol_hours: 2, report_accepted: 5 }
    expect(pointsFor('report_accepted', rules)).toBe(5)
    expect(pointsFor('patrol_hours', rules, 2.5)).toBe(5)
    expect(pointsFor('patrol_hours', rules, 1.25)).toBe(3)
    expect(pointsFor('patrol_hours', rules, 0)).toBe(0)
    expect(pointsFor('callout_attended', { ...rules, callout_attended: 0 })).toBe(0)
  })

  test('the month is China time: 1 March 00:30 (UTC+8) is March', () => {
    expect(monthOf(new Date('2025-02-28T16:30:00.000Z'))).toEqual({ month: '2025-03', from: '2025-02-28T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z' })
    expect(monthOf(new Date('2025-12-31T17:00:00.000Z')).month).toBe('2026-01')
  })

  test('a reward: a cost of at least 1, no negative stock, a name', () => {
    expect(rewardCreateSchema.safeParse({ name: '洗衣液', cost: 30, stock: 10 }).success).toBe(true)
    expect(rewardCreateSchema.safeParse({ name: '洗衣液', cost: 0, stock: 10 }).error?.issues[0]?.message).toBe('所需积分至少 1')
    expect(rewardCreateSchema.safeParse({ name: '洗衣液', cost: 5, stock: -1 }).error?.issues[0]?.message).toBe('库存不能为负数')
    expect(rewardCreateSchema.safeParse({ name: '', cost: 5, stock: 1 }).success).toBe(false)
  })
})
