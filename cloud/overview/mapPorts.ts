import type { LatLng, MapCluster, MapPoint, MapShift } from '@/domain/overview'
import type { OverviewScope } from './ports'

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
