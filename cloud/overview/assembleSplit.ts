import { bucketOf, bucketsOf, HOUR_BINS, type OverviewBucket, type OverviewSpeedBins, type OverviewTrendSplit, type SubArea } from '@/domain/overview'
import { REPORT_CATEGORIES } from '@/domain/reports'
import type { HourBinRows, TrendSplitRows } from './ports'

/** The store's day rows rolled into the period's buckets (every bucket, zeros included), and the bins named. */

function rollUp<K extends string>(rows: { day: string; k: K; n: number }[], keys: K[], buckets: string[], bucket: OverviewBucket) {
  const counts = new Map<string, number>()
  for (const r of rows) {
    const at = `${bucketOf(r.day, bucket)}|${r.k}`
    counts.set(at, (counts.get(at) ?? 0) + r.n)
  }
  return buckets.flatMap((key) => keys.map((k) => ({ key, k, n: counts.get(`${key}|${k}`) ?? 0 })))
}

export function assembleSplit(rows: TrendSplitRows, units: SubArea[], period: { from: string; to: string }, bucket: OverviewBucket): OverviewTrendSplit {
  const buckets = bucketsOf(period.from, period.to, bucket)
  const categories = REPORT_CATEGORIES.filter((c) => rows.byDayCategory.some((r) => r.category === c && r.n > 0))
  const byCategory = rollUp(rows.byDayCategory.map((r) => ({ day: r.day, k: r.category, n: r.n })), categories, buckets, bucket)
  const bySubArea = rollUp(rows.byDayUnit.map((r) => ({ day: r.day, k: r.unit, n: r.n })), units.map((u) => u.id), buckets, bucket)
  return {
    byCategory: byCategory.map(({ key, k, n }) => ({ key, category: k, n })),
    bySubArea: bySubArea.map(({ key, k, n }) => ({ key, id: k, n })),
  }
}

export function assembleBins(rows: HourBinRows): OverviewSpeedBins {
  const named = (rs: { bin: number; n: number }[]) => HOUR_BINS.map((b, i) => ({ bin: b.key, n: rs.find((r) => r.bin === i)?.n ?? 0 }))
  return { accept: named(rows.accept), resolve: named(rows.resolve) }
}
