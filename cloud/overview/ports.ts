import type { AreaKind } from '@/domain/overview'
import type { LatLng, MapCluster, MapPoint, MapShift } from '@/domain/overview'
import type { ReportCategory } from '@/domain/reports'
import type * as shared from '../shared/context'
import type { CommunityRepo } from '../shared/ports'

/** 总览 storage (issue 19): read-only aggregates, each computed by the engine's SQL (no rows pulled into JS). */

/** The area whose figures are asked: some grids (a grid worker's, or one grid), or one community or tier. */
export type OverviewScope = { kind: 'grids'; gridIds: string[] } | { kind: 'community' | 'street' | 'district' | 'city'; id: string }

/** A place of the organisation with the places above it (null where it has none). */
export interface PlaceRecord {
  kind: AreaKind
  id: string
  name: string
  communityId: string | null
  streetId: string | null
  districtId: string | null
  cityId: string | null
}

export interface OverviewQuery {
  scope: OverviewScope
  /** the period, ISO instants: start included, end excluded */
  start: string
  end: string
  now: string
}

/** Speed and outcome counts of the reports created in the period, per category and sub-area. */
export interface ReportTallyRow {
  category: ReportCategory
  unit: string
  n: number
  acceptOnTime: number
  acceptDue: number
  resolveOnTime: number
  resolveDue: number
  /** ever resolved (resolved now or since reopened) */
  resolvedEver: number
  reopened: number
  /** disputes: settled at grid or community level; escalated above community; open at grid or community */
  settledLocally: number
  escalated: number
  openLocal: number
}

/** A nearest-rank median and 90th percentile of hours from creation, over n reports of a group. */
export interface PercentileRow {
  /** 'all', a category or a sub-area id */
  key: string
  by: 'all' | 'category' | 'unit'
  n: number
  median: number
  p90: number
}

export interface RatingTallyRow {
  unit: string
  handlerId: string | null
  handlerName: string | null
  rated: number
  good: number
  sum: number
}

export interface OverviewFigures {
  /** reports created per China day 'YYYY-MM-DD' */
  byDay: { day: string; n: number }[]
  tallies: ReportTallyRow[]
  accept: PercentileRow[]
  resolve: PercentileRow[]
  /** every report of the area now (any creation date): open, and overdue (past the deadline that runs) */
  now: { unit: string; open: number; overdue: number }[]
  /** ratings given in the period, per sub-area and handler */
  ratings: RatingTallyRow[]
  comments: { reportId: string; score: number; comment: string; at: string; category: ReportCategory; unit: string }[]
  /** warnings raised in the period */
  warnings: number
  participation: ParticipationCounts
  /** dispatches (交办) of the area's reports made in the period, per department */
  departments: { departmentId: string; name: string; dispatched: number; resolved: number; onTime: number; returned: number; overdue: number }[]
}

/** Participation counts: notices published, motions closed, shifts started in the period; volunteers and households now. */
export interface ParticipationCounts {
  notices: number
  important: number
  /** people each notice reached (one per notice and person), and how many read it */
  audience: number
  read: number
  importantAudience: number
  confirmed: number
  motions: number
  voters: number
  /** eligible adults or households of those motions */
  base: number
  shifts: number
  /** seats taken (confirmed, came or not) and those who checked in */
  expected: number
  attended: number
  hoursTenths: number
  volunteers: number
  households: number
  verifiedHouseholds: number
}

/** Reports created per China day and category, and per China day and sub-area (the trend split's rows, grouped by the engine). */
export interface TrendSplitRows {
  byDayCategory: { day: string; category: ReportCategory; n: number }[]
  byDayUnit: { day: string; unit: string; n: number }[]
}

/** The period's reports per bin of hours from creation to acceptance and to resolution (bin: an index of HOUR_BINS). */
export interface HourBinRows {
  accept: { bin: number; n: number }[]
  resolve: { bin: number; n: number }[]
}

export interface OverviewRepo {
  /** The place with the places above it; null: no such place. */
  place(kind: AreaKind, id: string): Promise<PlaceRecord | null>
  /** The sub-areas one level below, in the organisation's order: a community's grids (or the grids asked), a street's communities, a district's streets, a city's districts. */
  subAreas(scope: OverviewScope): Promise<{ id: string; name: string }[]>
  figures(q: OverviewQuery): Promise<OverviewFigures>
  /** The trend split: one aggregate query per split. */
  trendSplit(q: OverviewQuery): Promise<TrendSplitRows>
  /** Hours to accept and to resolve in HOUR_BINS: one aggregate query each. */
  hourBins(q: OverviewQuery): Promise<HourBinRows>
}

// ---------- 一张图 (overview.map) ----------

/** 一张图's storage (overview.map): read-only, each method one bounded SQL query. */

export interface MapQuery {
  scope: OverviewScope
  /** the period, ISO instants: start included, end excluded */
  start: string
  end: string
  now: string
}

export interface MapGridRecord {
  id: string
  name: string
  boundary: LatLng[] | null
  open: number
  overdue: number
  reports: number
}

/** The points' count and extent (null bounds when none). */
export interface PointExtent {
  n: number
  minLat: number | null
  maxLat: number | null
  minLng: number | null
  maxLng: number | null
}

export interface OverviewMapRepo {
  /** The grids of the scope in the organisation's order, with open and overdue reports now and those created in the period. */
  grids(q: MapQuery): Promise<MapGridRecord[]>
  /** Open reports with a location created in the period: how many, and their extent. */
  pointExtent(q: MapQuery): Promise<PointExtent>
  /** Those reports, newest first, at most `limit`. */
  points(q: MapQuery, limit: number): Promise<MapPoint[]>
  /** Those reports counted per cell of `cell` degrees (cells from -90°, -180°): count, mean position, overdue; by cell. */
  clusters(q: MapQuery, cell: number): Promise<MapCluster[]>
  /** Scheduled shifts of the scope's communities starting in [dayStart, dayEnd), by start, at most `limit`. */
  shiftsBetween(scope: OverviewScope, dayStart: string, dayEnd: string, limit: number): Promise<MapShift[]>
}

// ---------- what this feature's use cases receive ----------

export interface OverviewStore {
  overview: OverviewRepo
  communities: CommunityRepo
  overviewMap: OverviewMapRepo
}

export type Deps = shared.Deps<OverviewStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
