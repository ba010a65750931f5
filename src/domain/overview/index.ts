import { z } from 'zod'
import type { ReportCategory } from '../reports'
import { idSchema } from '../shared/text'
import type { OverviewSpeedBins, OverviewTrendSplit } from './breakdown'
import { daysIn, isDay, MAX_PERIOD_DAYS, OVERVIEW_BUCKETS, type OverviewBucket } from './period'

/**
 * 总览 (issue 19): an area's figures over a period — trends, speed, satisfaction, participation and the sub-areas
 * side by side. Staff only: a grid worker their grids, a committee its community, a street its communities, a
 * district its streets, the city all.
 */

export * from './period'
export * from './map'
export * from './breakdown'

export const AREA_KINDS = ['grid', 'community', 'street', 'district', 'city'] as const
export type AreaKind = (typeof AREA_KINDS)[number]
export const AREA_KIND_LABELS: Record<AreaKind, string> = { grid: '网格', community: '社区', street: '街道', district: '区', city: '市' }

const day = z.string({ error: '日期格式不正确' }).max(10, { message: '日期格式不正确', abort: true }).refine(isDay, { message: '日期格式不正确' })

export const overviewGetSchema = z
  .strictObject({
    /** omitted: the caller's own area */
    area: z.strictObject({ kind: z.enum(['grid', 'community', 'street', 'district'], { error: '区域类型不正确' }), id: idSchema }).optional(),
    from: day.optional(),
    to: day.optional(),
    bucket: z.enum(OVERVIEW_BUCKETS, { error: '统计粒度只能是日、周或月' }).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.from === undefined) !== (v.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.from === undefined ? 'from' : 'to'], message: '请同时选择开始和结束日期' })
      return
    }
    if (v.from === undefined || v.to === undefined || !isDay(v.from) || !isDay(v.to)) return
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
    else if (daysIn(v.from, v.to) > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `统计时段最长 ${MAX_PERIOD_DAYS} 天` })
  })
export type OverviewGetInput = z.input<typeof overviewGetSchema>

/** A rate: numerator, denominator and their share (null when nothing to divide). */
export interface Rate {
  n: number
  of: number
  share: number | null
}

/** Hours from a report's creation: nearest-rank median and 90th percentile over `n` reports. */
export interface Hours {
  n: number
  median: number | null
  p90: number | null
}

export interface SubArea {
  id: string
  name: string
}

export interface OverviewTrends {
  /** reports created per bucket (key: a day, a week's Monday or a month 'YYYY-MM') */
  byBucket: { key: string; n: number }[]
  byCategory: { category: ReportCategory; n: number }[]
  bySubArea: (SubArea & { n: number })[]
  /** 矛盾纠纷 created in the period by outcome now: settled at grid or community, escalated above, still open */
  disputes: { total: number; settledLocally: number; escalated: number; open: number }
  warnings: number
}

export interface SpeedRow {
  accept: Hours
  resolve: Hours
  /** accepted by accept_by, of those accepted or past it */
  acceptOnTime: Rate
  /** resolved by resolve_by, of those resolved or past it */
  resolveOnTime: Rate
}

/** A department's dispatches (交办) of the area's reports made in the period. */
export interface DepartmentSpeed {
  departmentId: string
  name: string
  dispatched: number
  resolved: number
  returned: number
  /** resolved by the dispatch's due date, of those resolved or still open past it */
  onTime: Rate
  /** still open past the due date now */
  overdue: number
}

export interface OverviewSpeed extends SpeedRow {
  byCategory: (SpeedRow & { category: ReportCategory })[]
  bySubArea: (SpeedRow & SubArea)[]
  /** open reports of the area past their running deadline now (any creation date) */
  overdueNow: number
  departments: DepartmentSpeed[]
}

export interface RatingRow {
  rated: number
  /** rated 4 or 5 */
  good: number
  goodShare: number | null
  average: number | null
}

export interface OverviewSatisfaction extends RatingRow {
  /** reports created in the period that were reopened by their reporter, of those ever resolved */
  reopen: Rate
  bySubArea: (RatingRow & SubArea)[]
  byHandler: (RatingRow & { handlerId: string; handlerName: string })[]
  /** the latest rating comments (≤ 20), newest first: no reporter named */
  comments: { reportId: string; score: number; comment: string; at: string; category: ReportCategory; subAreaName: string }[]
}

/**
 * Notices published, motions closed and patrol shifts started in the period (for grids: those of their community;
 * notice audiences and people: of the grids), volunteers and the roster's households now.
 */
export interface OverviewParticipation {
  notices: number
  /** people reached who read, over every notice */
  read: Rate
  importantNotices: number
  /** 已知晓 of the important notices' audience */
  confirmed: Rate
  motions: number
  /** voters of the eligible adults or households */
  turnout: Rate
  shifts: number
  /** checked in of the seats taken */
  attendance: Rate
  patrolHours: number
  volunteers: number
  /** households with a verified resident, of the roster */
  households: Rate
}

export interface ComparisonRow extends SubArea {
  reports: number
  /** now, any creation date (the queue's open and overdue filters) */
  open: number
  overdue: number
  medianResolveHours: number | null
  onTimeShare: number | null
  goodShare: number | null
  averageRating: number | null
}

export interface Overview {
  area: { kind: AreaKind | 'grids'; id: string | null; name: string }
  /** what the sub-areas are: grids, communities, streets, districts */
  subAreaKind: AreaKind
  from: string
  to: string
  bucket: OverviewBucket
  trends: OverviewTrends
  speed: OverviewSpeed
  satisfaction: OverviewSatisfaction
  participation: OverviewParticipation
  comparison: ComparisonRow[]
  /** the trend per bucket by category and by sub-area */
  trendSplit: OverviewTrendSplit
  /** hours to accept and to resolve in bins */
  speedBins: OverviewSpeedBins
}
