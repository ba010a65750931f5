import type { ReportCategory } from '../reports'

/**
 * 总览's finer figures (issue 19): the trend split per bucket by category and by sub-area, and the hours to accept
 * and to resolve in fixed bins that read against working-day deadlines (受理 the same working day, 办结 in days).
 */

/** Hours from creation, binned [previous upTo, upTo): a report at exactly 4 h is in 4–8 小时. */
export const HOUR_BINS = [
  { key: 'h4', upTo: 4, label: '4 小时内' },
  { key: 'h8', upTo: 8, label: '4–8 小时' },
  { key: 'h24', upTo: 24, label: '8–24 小时' },
  { key: 'd3', upTo: 72, label: '1–3 天' },
  { key: 'd7', upTo: 168, label: '3–7 天' },
  { key: 'more', upTo: null, label: '7 天以上' },
] as const
export type HourBin = (typeof HOUR_BINS)[number]['key']

/** The bins' upper edges in hours (the last bin has none). */
export const HOUR_BIN_EDGES: number[] = HOUR_BINS.flatMap((b) => (b.upTo === null ? [] : [b.upTo]))

/**
 * Reports created per bucket (the same keys as trends.byBucket) and category or sub-area: every bucket with every
 * category that has reports in the period, and every sub-area (zeros included), bucket by bucket.
 */
export interface OverviewTrendSplit {
  byCategory: { key: string; category: ReportCategory; n: number }[]
  bySubArea: { key: string; id: string; n: number }[]
}

/** The period's reports accepted (resolved) counted by hours from creation to acceptance (resolution), every bin in order. */
export interface OverviewSpeedBins {
  accept: { bin: HourBin; n: number }[]
  resolve: { bin: HourBin; n: number }[]
}
