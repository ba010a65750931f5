import { z } from 'zod'
import type { ReportCategory } from '../reports'
import { idSchema } from '../shared/text'
import { daysIn, isDay, MAX_PERIOD_DAYS } from './period'

/**
 * 一张图 (overview.map, issue 19): an area's grids with their boundaries and figures, the open reports of the period
 * as points (clustered above POINT_CAP), and today's patrol shifts. Same callers and scope as overview.get.
 */

/** Above this many points the reply carries clusters instead (docs/API.md). */
export const POINT_CAP = 300
/** Cells across the larger side of the points' extent when clustering: at most (CELLS + 1)² ≤ POINT_CAP clusters. */
export const CLUSTER_CELLS = 16
/** Cell sizes in degrees a cluster grid snaps to (0.001° ≈ 110 m of latitude; 30° covers any span on Earth in 13 cells). */
export const CELL_LADDER = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30] as const
/** Today's shifts listed at most. */
export const SHIFT_CAP = 200

const day = z.string({ error: '日期格式不正确' }).max(10, { message: '日期格式不正确', abort: true }).refine(isDay, { message: '日期格式不正确' })

export const overviewMapSchema = z
  .strictObject({
    /** omitted: the caller's own area */
    area: z.strictObject({ kind: z.enum(['grid', 'community', 'street', 'district'], { error: '区域类型不正确' }), id: idSchema }).optional(),
    from: day.optional(),
    to: day.optional(),
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
export type OverviewMapInput = z.input<typeof overviewMapSchema>

/** [latitude, longitude] in GCJ-02. */
export type LatLng = [number, number]

export interface MapGrid {
  id: string
  name: string
  /** a closed ring, GCJ-02; null: not drawn */
  boundary: LatLng[] | null
  /** open reports now (any creation date) */
  open: number
  /** open reports past the deadline that runs, now */
  overdue: number
  /** reports created in the period */
  reports: number
  /** today's patrol shifts whose meeting point lies in the grid */
  patrolsToday: number
}

export interface MapPoint {
  id: string
  category: ReportCategory
  gridId: string
  latitude: number
  longitude: number
  overdue: boolean
}

export interface MapCluster {
  latitude: number
  longitude: number
  count: number
  overdue: number
}

export interface MapShift {
  id: string
  title: string
  communityName: string
  latitude: number
  longitude: number
  radius: number
  startAt: string
  endAt: string
  capacity: number
  /** seats taken (confirmed, checked in or out, or no-show) */
  filled: number
}

export interface OverviewMap {
  /** as overview.get's area (AREA_KINDS, or a grid worker's 'grids') */
  area: { kind: 'grid' | 'community' | 'street' | 'district' | 'city' | 'grids'; id: string | null; name: string }
  from: string
  to: string
  /** the China day whose shifts are listed */
  today: string
  grids: MapGrid[]
  /** open reports with a location created in the period: all as points, or clustered when more than POINT_CAP */
  points: { total: number; clustered: boolean; cellDegrees: number | null; items: MapPoint[]; clusters: MapCluster[] }
  shifts: MapShift[]
}

/** The cluster cell for points spread over `span` degrees (the larger of latitude and longitude span). */
export function clusterCell(span: number): number {
  const want = Math.max(span, 0) / CLUSTER_CELLS
  return CELL_LADDER.find((c) => c >= want) ?? CELL_LADDER[CELL_LADDER.length - 1]
}

/** Whether a point lies inside a ring (ray casting; points on an edge may fall either way). */
export function pointInPolygon(p: LatLng, ring: readonly LatLng[]): boolean {
  const [y, x] = p
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [yi, xi] = ring[i]
    const [yj, xj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** The first grid (in order) whose boundary holds the point; null: none. */
export function gridAt<G extends { boundary: readonly LatLng[] | null }>(p: LatLng, grids: readonly G[]): G | null {
  return grids.find((g) => g.boundary !== null && g.boundary.length >= 3 && pointInPolygon(p, g.boundary)) ?? null
}

/** A stored boundary read back: a ring of ≥ 3 finite [lat, lng] pairs, else null. */
export function parseBoundary(raw: unknown): LatLng[] | null {
  if (typeof raw !== 'string' || raw === '') return null
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return null
  }
  if (!Array.isArray(v) || v.length < 3) return null
  const ok = v.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)) && Math.abs(p[0]) <= 90 && Math.abs(p[1]) <= 180)
  return ok ? (v as LatLng[]) : null
}
