import { bucketOf, bucketsOf, type ComparisonRow, type Hours, type OverviewBucket, type OverviewParticipation, type OverviewSatisfaction, type OverviewSpeed, type OverviewTrends, type Rate, type RatingRow, type SpeedRow, type SubArea } from '@/domain/overview'
import { REPORT_CATEGORIES, type ReportCategory } from '@/domain/reports'
import type { OverviewFigures, PercentileRow, ReportTallyRow } from './ports'

/** The store's aggregates rolled into the overview's parts (sums of sums; no report row comes here). */

export const rate = (n: number, of: number): Rate => ({ n, of, share: of > 0 ? n / of : null })

const hoursOf = (rows: PercentileRow[], by: PercentileRow['by'], key: string): Hours => {
  const r = rows.find((x) => x.by === by && x.key === key)
  return r ? { n: r.n, median: r.median, p90: r.p90 } : { n: 0, median: null, p90: null }
}

type Sums = Omit<ReportTallyRow, 'category' | 'unit'>
const ZERO: Sums = { n: 0, acceptOnTime: 0, acceptDue: 0, resolveOnTime: 0, resolveDue: 0, resolvedEver: 0, reopened: 0, settledLocally: 0, escalated: 0, openLocal: 0 }

function sum(rows: ReportTallyRow[]): Sums {
  const out = { ...ZERO }
  for (const r of rows) for (const k of Object.keys(ZERO) as (keyof Sums)[]) out[k] += r[k]
  return out
}

function speedRow(f: OverviewFigures, by: PercentileRow['by'], key: string, s: Sums): SpeedRow {
  return {
    accept: hoursOf(f.accept, by, key),
    resolve: hoursOf(f.resolve, by, key),
    acceptOnTime: rate(s.acceptOnTime, s.acceptDue),
    resolveOnTime: rate(s.resolveOnTime, s.resolveDue),
  }
}

function ratingRow(rows: { rated: number; good: number; sum: number }[]): RatingRow {
  const rated = rows.reduce((n, r) => n + r.rated, 0)
  const good = rows.reduce((n, r) => n + r.good, 0)
  const total = rows.reduce((n, r) => n + r.sum, 0)
  return { rated, good, goodShare: rated > 0 ? good / rated : null, average: rated > 0 ? Math.round((total / rated) * 100) / 100 : null }
}

export function assemble(f: OverviewFigures, units: SubArea[], period: { from: string; to: string }, bucket: OverviewBucket) {
  const categories = REPORT_CATEGORIES.filter((c) => f.tallies.some((t) => t.category === c))
  const ofCategory = (c: ReportCategory) => sum(f.tallies.filter((t) => t.category === c))
  const ofUnit = (id: string) => sum(f.tallies.filter((t) => t.unit === id))
  const all = sum(f.tallies)
  const disputes = ofCategory('dispute')

  const buckets = new Map(bucketsOf(period.from, period.to, bucket).map((k) => [k, 0]))
  for (const d of f.byDay) {
    const k = bucketOf(d.day, bucket)
    buckets.set(k, (buckets.get(k) ?? 0) + d.n)
  }

  const trends: OverviewTrends = {
    byBucket: [...buckets].map(([key, n]) => ({ key, n })),
    byCategory: categories.map((category) => ({ category, n: ofCategory(category).n })),
    bySubArea: units.map((u) => ({ ...u, n: ofUnit(u.id).n })),
    disputes: { total: disputes.n, settledLocally: disputes.settledLocally, escalated: disputes.escalated, open: disputes.openLocal },
    warnings: f.warnings,
  }

  const speed: OverviewSpeed = {
    ...speedRow(f, 'all', 'all', all),
    byCategory: categories.map((category) => ({ category, ...speedRow(f, 'category', category, ofCategory(category)) })),
    bySubArea: units.map((u) => ({ ...u, ...speedRow(f, 'unit', u.id, ofUnit(u.id)) })),
    overdueNow: f.now.reduce((n, r) => n + r.overdue, 0),
    departments: f.departments.map((d) => ({
      departmentId: d.departmentId,
      name: d.name,
      dispatched: d.dispatched,
      resolved: d.resolved,
      returned: d.returned,
      onTime: rate(d.onTime, d.resolved + d.overdue),
      overdue: d.overdue,
    })),
  }

  const handlers = new Map<string, { name: string; rows: OverviewFigures['ratings'] }>()
  for (const r of f.ratings) {
    if (!r.handlerId) continue
    const h = handlers.get(r.handlerId) ?? { name: r.handlerName ?? '', rows: [] }
    h.rows.push(r)
    handlers.set(r.handlerId, h)
  }
  const unitName = new Map(units.map((u) => [u.id, u.name]))
  const satisfaction: OverviewSatisfaction = {
    ...ratingRow(f.ratings),
    reopen: rate(all.reopened, all.resolvedEver),
    bySubArea: units.map((u) => ({ ...u, ...ratingRow(f.ratings.filter((r) => r.unit === u.id)) })),
    byHandler: [...handlers]
      .map(([handlerId, h]) => ({ handlerId, handlerName: h.name, ...ratingRow(h.rows) }))
      .sort((a, b) => b.rated - a.rated || (a.handlerId < b.handlerId ? -1 : 1)),
    comments: f.comments.map(({ unit, ...c }) => ({ ...c, subAreaName: unitName.get(unit) ?? '' })),
  }

  const comparison: ComparisonRow[] = units.map((u) => {
    const now = f.now.find((r) => r.unit === u.id)
    const s = speed.bySubArea.find((x) => x.id === u.id)
    const r = satisfaction.bySubArea.find((x) => x.id === u.id)
    return {
      ...u,
      reports: ofUnit(u.id).n,
      open: now?.open ?? 0,
      overdue: now?.overdue ?? 0,
      medianResolveHours: s?.resolve.median ?? null,
      onTimeShare: s?.resolveOnTime.share ?? null,
      goodShare: r?.goodShare ?? null,
      averageRating: r?.average ?? null,
    }
  })
  const p = f.participation
  const participation: OverviewParticipation = {
    notices: p.notices,
    read: rate(p.read, p.audience),
    importantNotices: p.important,
    confirmed: rate(p.confirmed, p.importantAudience),
    motions: p.motions,
    turnout: rate(p.voters, p.base),
    shifts: p.shifts,
    attendance: rate(p.attended, p.expected),
    patrolHours: p.hoursTenths / 10,
    volunteers: p.volunteers,
    households: rate(p.verifiedHouseholds, p.households),
  }
  return { trends, speed, satisfaction, participation, comparison }
}
