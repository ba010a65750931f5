import { bucketLabel, HOUR_BINS, type Overview } from '@/domain/overview'
import { REPORT_CATEGORY_LABELS } from '@/domain/reports'
import { BUCKET_WORDS, spec, type ChartSpec } from './charts'

/** 趋势 split by category or sub-area, and the hours' distribution, as chart specs (see ./charts.ts). */

export type SplitBy = 'category' | 'subArea'
export const SPLIT_LABELS: Record<SplitBy, string> = { category: '按类别', subArea: '按区域' }

export interface SplitBucket {
  key: string
  label: string
  total: number
  /** the series with reports in this bucket, in the legend's order */
  parts: { id: string; name: string; n: number }[]
}

/** The series (categories with reports in the period, or every sub-area) and each bucket's non-zero parts. */
export function splitBuckets(o: Overview, by: SplitBy): { series: { id: string; name: string }[]; buckets: SplitBucket[] } {
  const names = new Map(o.trends.bySubArea.map((u) => [u.id, u.name]))
  const rows =
    by === 'category'
      ? o.trendSplit.byCategory.map((r) => ({ key: r.key, id: r.category as string, name: REPORT_CATEGORY_LABELS[r.category], n: r.n }))
      : o.trendSplit.bySubArea.map((r) => ({ key: r.key, id: r.id, name: names.get(r.id) ?? r.id, n: r.n }))
  const series = [...new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }])).values()]
  const buckets = o.trends.byBucket.map((b) => {
    const parts = rows.filter((r) => r.key === b.key && r.n > 0).map(({ id, name, n }) => ({ id, name, n }))
    return { key: b.key, label: bucketLabel(b.key, o.bucket), total: parts.reduce((n, p) => n + p.n, 0), parts }
  })
  return { series, buckets }
}

/** 趋势: columns per bucket stacked by category or sub-area; named bucket by bucket with the non-zero parts. */
export function splitChart(o: Overview, by: SplitBy): ChartSpec {
  const { series, buckets } = splitBuckets(o, by)
  const rows = buckets.flatMap((b) => series.map((s) => ({ x: b.label, y: b.parts.find((p) => p.id === s.id)?.n ?? 0, series: s.name })))
  const words = buckets.map((b) => `${b.label} ${b.parts.length ? b.parts.map((p) => `${p.name} ${p.n} 件`).join('、') : '0 件'}`).join('；')
  return {
    kind: 'stack',
    unit: '件',
    rows: series.length ? rows : [],
    series: series.map((s) => s.name),
    label: `每${BUCKET_WORDS[o.bucket]}收到的问题（${SPLIT_LABELS[by]}）堆叠柱状图：${words}`,
  }
}

/** 办理时效: reports by hours to accept or to resolve, one bar per bin (no bars when none was accepted/resolved). */
export function hoursChart(o: Overview, which: 'accept' | 'resolve'): ChartSpec {
  const bins = o.speedBins[which]
  const rows = bins.some((b) => b.n > 0) ? bins.map((b) => ({ x: HOUR_BINS.find((h) => h.key === b.bin)!.label, y: b.n })) : []
  return spec('bar', '件', which === 'accept' ? '受理用时分布' : '办结用时分布', rows)
}
