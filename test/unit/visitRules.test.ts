/** 入户走访 rules (src/domain/visits): the period in China time, follow-up due dates, the future check, the schema's rules. */
import { visitLogSchema, visitSetPlanSchema } from '@/domain/visits'
import { followUpDueAt, isFollowUpOverdue, isFutureVisit, periodOf } from '@/domain/visits/rules'

describe('periodOf', () => {
  test('a quarter in China time: 1 Jan 00:00 +08:00 to 1 Apr 00:00 +08:00', () => {
    expect(periodOf('2025-03-01T02:00:00.000Z', 3)).toEqual({ from: '2024-12-31T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z' })
  })
  test('the last evening of a quarter in UTC is already the next quarter in China', () => {
    expect(periodOf('2025-03-31T16:00:00.000Z', 3).from).toBe('2025-03-31T16:00:00.000Z')
    expect(periodOf('2025-03-31T15:59:59.999Z', 3).from).toBe('2024-12-31T16:00:00.000Z')
  })
  test('one month, a year, and a period that crosses the year', () => {
    expect(periodOf('2025-02-10T00:00:00.000Z', 1)).toEqual({ from: '2025-01-31T16:00:00.000Z', to: '2025-02-28T16:00:00.000Z' })
    expect(periodOf('2025-07-10T00:00:00.000Z', 12)).toEqual({ from: '2024-12-31T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' })
    // 5 months counted from January of year 0: 2025 × 12 = 24300 months, 24300 mod 5 = 0 → Jan–May 2025, then Jun–Oct
    expect(periodOf('2025-06-02T00:00:00.000Z', 5)).toEqual({ from: '2025-05-31T16:00:00.000Z', to: '2025-10-31T16:00:00.000Z' })
  })
  test('every period holds its instant', () => {
    for (let m = 1; m <= 12; m++) {
      for (const t of ['2025-01-01T00:00:00.000Z', '2025-06-15T12:00:00.000Z', '2026-12-31T23:00:00.000Z']) {
        const p = periodOf(t, m)
        expect(p.from <= t && t < p.to).toBe(true)
      }
    }
  })
})

describe('follow-ups', () => {
  const f = { everyDays: 14, markedAt: '2025-02-01T00:00:00.000Z', lastVisitedAt: null as string | null }
  test('due from the mark when never visited since, from the last visit otherwise', () => {
    expect(followUpDueAt(f)).toBe('2025-02-15T00:00:00.000Z')
    expect(followUpDueAt({ ...f, lastVisitedAt: '2025-02-10T00:00:00.000Z' })).toBe('2025-02-24T00:00:00.000Z')
    expect(followUpDueAt({ ...f, lastVisitedAt: '2025-01-10T00:00:00.000Z' })).toBe('2025-02-15T00:00:00.000Z')
  })
  test('overdue from the due instant on', () => {
    expect(isFollowUpOverdue(f, '2025-02-14T23:59:59.999Z')).toBe(false)
    expect(isFollowUpOverdue(f, '2025-02-15T00:00:00.000Z')).toBe(true)
  })
})

test('a visit in the future beyond five minutes of clock skew', () => {
  const now = '2025-03-01T02:00:00.000Z'
  expect(isFutureVisit('2025-03-01T02:05:00.000Z', now)).toBe(false)
  expect(isFutureVisit('2025-03-01T02:05:00.001Z', now)).toBe(true)
  expect(isFutureVisit('2025-03-01T10:00:00+08:00', now)).toBe(false)
})

describe('visitLogSchema', () => {
  const base = { householdId: 'h_1', visitedAt: '2025-03-01T01:00:00.000Z', met: ' 户主 ', finding: 'none', note: '正常\r\n第二行' }
  test('trims and keeps lines of the note', () => {
    expect(visitLogSchema.parse(base)).toMatchObject({ met: '户主', note: '正常\n第二行' })
  })
  test('a vulnerable finding needs its mark; only vulnerable carries one; only need/dispute/hazard become reports', () => {
    const follow = { kind: 'livingAlone', reason: '独居', everyDays: 14 }
    const report = { category: 'livelihood', description: '希望加装楼道扶手' }
    expect(visitLogSchema.safeParse({ ...base, finding: 'vulnerable' }).success).toBe(false)
    expect(visitLogSchema.safeParse({ ...base, finding: 'vulnerable', followUp: follow }).success).toBe(true)
    expect(visitLogSchema.safeParse({ ...base, followUp: follow }).success).toBe(false)
    for (const finding of ['need', 'dispute', 'hazard']) expect(visitLogSchema.safeParse({ ...base, finding, raiseReport: report }).success).toBe(true)
    for (const finding of ['none', 'vulnerable']) {
      expect(visitLogSchema.safeParse({ ...base, finding, raiseReport: report, ...(finding === 'vulnerable' ? { followUp: follow } : {}) }).success).toBe(false)
    }
  })
  test('plan bounds 1–12 whole months', () => {
    expect([0, 1, 12, 13, 2.5].map((months) => visitSetPlanSchema.safeParse({ months }).success)).toEqual([false, true, true, false, false])
  })
})
