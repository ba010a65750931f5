/** 预测预警 rules (src/domain/warnings): the Poisson spike test and the other signals, on made-up series. */
import type { ReportCategory } from '@/domain/reports'
import { evaluate, factsSince, type ReportFact } from '@/domain/warnings/evaluate'
import {
  addWeeks,
  clusterCrossings,
  DEFAULT_PARAMS,
  isHolidayWeek,
  paramInBounds,
  poissonTail,
  spikeTest,
  weekOf,
  weekStart,
  type WeekCount,
} from '@/domain/warnings/rules'
import { warningSetRulesSchema } from '@/domain/warnings'

// a Wednesday in an ordinary November (no 法定节假日 in the 8 weeks before but the 国庆 weeks, see below)
const NOW = '2025-12-17T04:00:00.000Z'
const THIS_WEEK = weekOf(NOW)
const P = DEFAULT_PARAMS

let n = 0
function fact(at: string, p: Partial<ReportFact> = {}): ReportFact {
  n++
  return { id: `r${n}`, gridId: 'g1', category: 'environment', createdAt: at, latitude: null, longitude: null, householdId: null, reopenCount: 0, maxLevel: 'grid', fromPatrol: false, ...p }
}

/** `counts[i]` reports in the week i weeks before this one (counts[0]: this week), spread over its Tuesday. */
function series(counts: number[], p: Partial<ReportFact> = {}): ReportFact[] {
  const out: ReportFact[] = []
  counts.forEach((c, i) => {
    const tuesday = Date.parse(weekStart(addWeeks(THIS_WEEK, -i))) + 24 * 3600_000
    for (let k = 0; k < c; k++) out.push(fact(new Date(tuesday + k * 60_000).toISOString(), p))
  })
  return out
}

const spikesOf = (facts: ReportFact[]) => evaluate(facts, NOW, P).filter((c) => c.signal === 'spike' && c.period === THIS_WEEK)

describe('weeks and holidays', () => {
  it('counts weeks from Monday 00:00 China time', () => {
    expect(weekOf('2025-12-14T15:59:59.000Z')).toBe('2025-12-08') // Sunday 23:59 in China
    expect(weekOf('2025-12-14T16:00:00.000Z')).toBe('2025-12-15') // Monday 00:00 in China
    expect(weekStart('2025-12-15')).toBe('2025-12-14T16:00:00.000Z')
  })
  it('knows a 法定节假日 week from an ordinary one (weekends alone are not holidays)', () => {
    expect(isHolidayWeek('2025-09-29')).toBe(true) // 国庆
    expect(isHolidayWeek('2025-12-08')).toBe(false)
  })
})

describe('the Poisson spike test', () => {
  it('P(X ≥ k) of a Poisson law', () => {
    expect(poissonTail(0, 3)).toBe(1)
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10)
    expect(poissonTail(9, 2)).toBeCloseTo(0.000237, 5)
  })

  it('finds a spike in one grid × category', () => {
    const found = spikesOf(series([9, 2, 3, 1, 2, 3, 2, 2, 1]))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ level: 'grid', gridId: 'g1', category: 'environment', observed: 9, baseline: 2, areaKey: 'grid:g1' })
    expect(found[0]!.pValue!).toBeLessThan(P.alpha)
    expect(found[0]!.reportIds).toHaveLength(9)
  })

  it('does not alarm on noise around a steady mean', () => {
    const weeks = [10, 4, 8, 5, 7, 6, 9, 3, 6]
    expect(spikesOf(series(weeks))).toEqual([])
    // every week of a longer noisy run judged against the 8 before it: none alarms
    const run = [6, 4, 8, 5, 7, 6, 9, 3, 6, 5, 7, 8, 4, 6, 10, 5, 6]
    for (let i = 8; i < run.length; i++) {
      const history: WeekCount[] = run.slice(i - 8, i).map((count, k) => ({ week: `w${k}`, count, holiday: false }))
      expect(spikeTest(history, run[i]!, P).alarm).toBe(false)
    }
  })

  it('does not alarm on a slow steady rise', () => {
    expect(spikesOf(series([8, 7, 6, 6, 5, 5, 4, 4, 3]))).toEqual([])
  })

  it('leaves holiday weeks out of the baseline, so the week after a quiet 国庆 does not alarm by itself', () => {
    const monday = '2025-10-13'
    const weeks = Array.from({ length: 8 }, (_, i) => addWeeks(monday, -(i + 1)))
    const history: WeekCount[] = weeks.map((week) => ({ week, count: isHolidayWeek(week) ? 0 : 5, holiday: isHolidayWeek(week) }))
    expect(history.filter((w) => w.holiday).map((w) => w.week)).toEqual(['2025-10-06', '2025-09-29'])
    const r = spikeTest(history, 10, P)
    expect(r).toMatchObject({ alarm: false, baseline: 5, baselineWeeks: 6 })
    // had the holiday weeks counted (mean 3.75), the same week would have alarmed
    expect(poissonTail(10, 3.75)).toBeLessThan(P.alpha)
  })

  it('judges a holiday week by its count alone: an ordinary count in it does not alarm', () => {
    const history: WeekCount[] = Array.from({ length: 8 }, (_, i) => ({ week: `w${i}`, count: 5, holiday: false }))
    expect(spikeTest(history, 6, P).alarm).toBe(false)
  })

  it('respects the minimum count: a few reports on a silent area never alarm', () => {
    const silent: WeekCount[] = Array.from({ length: 8 }, (_, i) => ({ week: `w${i}`, count: 0, holiday: false }))
    const loose = { alpha: 0.05, minCount: 5 }
    expect(spikeTest(silent, 2, loose).alarm).toBe(false)
    expect(poissonTail(4, 1)).toBeLessThan(0.05) // significant, yet below the minimum
    expect(spikeTest(silent, 4, loose).alarm).toBe(false)
    expect(spikeTest(silent, 5, loose).alarm).toBe(true)
    expect(spikeTest(silent, 4, loose).baseline).toBe(1) // λ floored
  })

  it('raises the community level only for a rise spread over grids, not as the echo of one grid', () => {
    const spread = [...series([4, 1, 1, 1, 1, 1, 1, 1, 1], { gridId: 'g1' }), ...series([4, 1, 1, 1, 1, 1, 1, 1, 1], { gridId: 'g2' })]
    const found = spikesOf(spread)
    expect(found.map((c) => [c.level, c.gridId, c.observed])).toEqual([['community', null, 8]])
    const oneGrid = [...series([9, 2, 3, 1, 2, 3, 2, 2, 1], { gridId: 'g1' }), ...series([1, 1, 1, 1, 1, 1, 1, 1, 1], { gridId: 'g2' })]
    expect(spikesOf(oneGrid).map((c) => c.level)).toEqual(['grid'])
  })

  it('keeps categories apart', () => {
    const cats: ReportCategory[] = ['environment', 'facility']
    const facts = cats.flatMap((category) => series(category === 'environment' ? [9, 2, 2, 2, 2, 2, 2, 2, 2] : [3, 3, 3, 3, 3, 3, 3, 3, 3], { category }))
    expect(spikesOf(facts).map((c) => c.category)).toEqual(['environment'])
  })
})

describe('the other signals', () => {
  const day = (d: number) => new Date(Date.parse(NOW) - d * 24 * 3600_000).toISOString()
  const of = (facts: ReportFact[], signal: string) => evaluate(facts, NOW, P).filter((c) => c.signal === signal)

  it('clusterCrossings: N within D days, counted again after each cluster', () => {
    const t = [0, 1, 2, 40, 41, 50, 51, 52].map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString())
    expect(clusterCrossings(t, 3, 30)).toEqual([2, 5])
  })

  it('the same household reported again and again', () => {
    const three = [day(20), day(10), day(1)].map((at) => fact(at, { householdId: 'h1' }))
    const found = of(three, 'repeat')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ areaKey: 'household:h1', observed: 3, period: weekOf(day(1)), gridId: 'g1' })
    expect(of(three.slice(0, 2), 'repeat')).toEqual([])
    expect(of([day(55), day(28), day(1)].map((at) => fact(at, { householdId: 'h2' })), 'repeat')).toEqual([]) // spread over 54 days
  })

  it('the same place (a 100 m cell) reported again and again', () => {
    const here = [0.0001, 0.0002, 0.0003].map((d, i) => fact(day(5 - i), { latitude: 30.6571 + d, longitude: 104.0661 }))
    expect(of(here, 'repeat').map((c) => c.areaKey)).toEqual(['cell:30.657,104.066'])
    const apart = [0, 0.01, 0.02].map((d, i) => fact(day(5 - i), { latitude: 30.6571 + d, longitude: 104.0661 }))
    expect(of(apart, 'repeat')).toEqual([])
  })

  it('a dispute reopened or escalated twice', () => {
    const twice = fact(day(3), { category: 'dispute', reopenCount: 1, maxLevel: 'community' })
    expect(of([twice], 'dispute')).toEqual([expect.objectContaining({ areaKey: `report:${twice.id}`, observed: 2, period: '' })])
    expect(of([fact(day(3), { category: 'dispute', reopenCount: 1 })], 'dispute')).toEqual([])
    expect(of([fact(day(3), { category: 'dispute', maxLevel: 'street' })], 'dispute')).toHaveLength(1)
    expect(of([fact(day(3), { category: 'facility', reopenCount: 3 })], 'dispute')).toEqual([])
  })

  it('patrol hazards clustering in one grid', () => {
    const patrol = [day(6), day(4), day(2)].map((at) => fact(at, { category: 'safety_hazard', fromPatrol: true, gridId: 'g2' }))
    expect(of(patrol, 'patrolHazard')).toEqual([expect.objectContaining({ areaKey: 'grid:g2', gridId: 'g2', observed: 3 })])
    expect(of(patrol.map((f) => ({ ...f, fromPatrol: false })), 'patrolHazard')).toEqual([])
    expect(of(patrol.map((f, i) => ({ ...f, gridId: `g${i}` })), 'patrolHazard')).toEqual([])
  })

  it('reads facts far enough back for the baseline and the clusters', () => {
    expect(factsSince(NOW, P) <= weekStart(addWeeks(THIS_WEEK, -9))).toBe(true)
  })
})

describe('parameters within safe bounds', () => {
  it('takes the defaults and refuses values outside the bounds, with Chinese messages', () => {
    expect(warningSetRulesSchema.safeParse(DEFAULT_PARAMS).success).toBe(true)
    const r = warningSetRulesSchema.safeParse({ ...DEFAULT_PARAMS, alpha: 0.5, minCount: 1 })
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => i.message)).toEqual(['显著性水平不能大于 0.05', '最少件数不能小于 3'])
    expect(paramInBounds('baselineWeeks', 8.5)).toBe(false)
    expect(paramInBounds('baselineWeeks', 8)).toBe(true)
  })
})
