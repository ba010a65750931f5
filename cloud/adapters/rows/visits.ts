import type { FollowUpKind, VisitFinding } from '@/domain/visits'
import type { FollowUpRecord, HouseholdRef, PendingRow, VisitRecord } from '../../visits/ports'

/**
 * The visits' rows as both engines read them (the same SELECTs with `?` placeholders; PostgreSQL numbers them):
 * one mapping for SQLite and PostgreSQL.
 */

export const HOUSEHOLD_COLUMNS = `h.id AS h_id, h.grid_id AS h_grid_id, g.name AS h_grid_name, h.building AS h_building,
  h.unit AS h_unit, h.room AS h_room, h.head_name AS h_head_name`

export interface HouseholdCols {
  h_id: string
  h_grid_id: string
  h_grid_name: string
  h_building: string
  h_unit: string
  h_room: string
  h_head_name: string
}

export const householdRef = (r: HouseholdCols): HouseholdRef => ({
  id: r.h_id,
  gridId: r.h_grid_id,
  gridName: r.h_grid_name,
  building: r.h_building,
  unit: r.h_unit,
  room: r.h_room,
  headName: r.h_head_name,
})

export const VISIT_SELECT = `
  SELECT v.seq, v.id, v.community_id, v.grid_id, v.household_id, v.visitor_id, u.name AS visitor_name, v.visited_at,
    v.met, v.finding, v.note, v.report_id, v.created_at, ${HOUSEHOLD_COLUMNS}
  FROM visits v JOIN users u ON u.id = v.visitor_id JOIN households h ON h.id = v.household_id JOIN grids g ON g.id = h.grid_id`

export interface VisitRow extends HouseholdCols {
  seq: number
  id: string
  community_id: string
  grid_id: string
  household_id: string
  visitor_id: string
  visitor_name: string
  visited_at: string
  met: string
  finding: VisitFinding
  note: string
  report_id: string | null
  created_at: string
}

export const visitRecord = (r: VisitRow): VisitRecord => ({
  seq: Number(r.seq),
  id: r.id,
  communityId: r.community_id,
  gridId: r.grid_id,
  householdId: r.household_id,
  visitorId: r.visitor_id,
  visitorName: r.visitor_name,
  visitedAt: r.visited_at,
  met: r.met,
  finding: r.finding,
  note: r.note,
  reportId: r.report_id,
  createdAt: r.created_at,
  household: householdRef(r),
})

export const FOLLOW_UP_SELECT = `
  SELECT f.household_id, f.community_id, f.grid_id, f.kind, f.reason, f.every_days, f.marked_by, f.marked_at,
    (SELECT max(v.visited_at) FROM visits v WHERE v.household_id = f.household_id) AS last_visited_at, ${HOUSEHOLD_COLUMNS}
  FROM household_follow_ups f JOIN households h ON h.id = f.household_id JOIN grids g ON g.id = h.grid_id`

export interface FollowUpRow extends HouseholdCols {
  household_id: string
  community_id: string
  grid_id: string
  kind: FollowUpKind
  reason: string
  every_days: number
  marked_by: string
  marked_at: string
  last_visited_at: string | null
}

export const followUpRecord = (r: FollowUpRow): FollowUpRecord => ({
  householdId: r.household_id,
  communityId: r.community_id,
  gridId: r.grid_id,
  kind: r.kind,
  reason: r.reason,
  everyDays: Number(r.every_days),
  markedBy: r.marked_by,
  markedAt: r.marked_at,
  lastVisitedAt: r.last_visited_at,
  household: householdRef(r),
})

export interface PendingDbRow extends HouseholdCols {
  last_visited_at: string | null
}

export const pendingRow = (r: PendingDbRow): PendingRow => ({ household: householdRef(r), lastVisitedAt: r.last_visited_at })

/** `?, ?, ?` for a list of n values. */
export const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ')

/**
 * The statements both engines run with the grids' list spliced in as placeholders. `last` is '' for never visited in
 * the keyset (sorted before any time); PostgreSQL compares it as text too (the ISO strings sort as instants).
 */
export const sqlOf = {
  listByGrids: (n: number, after: boolean) => `${VISIT_SELECT}
    WHERE v.grid_id IN (${marks(n)}) ${after ? 'AND (v.visited_at < ? OR (v.visited_at = ? AND v.seq < ?))' : ''}
    ORDER BY v.visited_at DESC, v.seq DESC LIMIT ?`,
  listByHousehold: (after: boolean) => `${VISIT_SELECT}
    WHERE v.household_id = ? ${after ? 'AND (v.visited_at < ? OR (v.visited_at = ? AND v.seq < ?))' : ''}
    ORDER BY v.visited_at DESC, v.seq DESC LIMIT ?`,
  coverage: (n: number) => `
    SELECT h.grid_id AS grid_id, count(*) AS households,
      sum(CASE WHEN EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.visited_at >= ?) THEN 1 ELSE 0 END) AS visited
    FROM households h WHERE h.grid_id IN (${marks(n)}) GROUP BY h.grid_id`,
  // every grid worker of the grids (0 when they visited nobody) and anyone else who visited in them since `from`;
  // parameters: grids, from, grids, grids, from
  workers: (n: number) => `
    SELECT u.id AS user_id, u.name AS name, count(v.seq) AS visits, count(DISTINCT v.household_id) AS households
    FROM users u
    LEFT JOIN visits v ON v.visitor_id = u.id AND v.grid_id IN (${marks(n)}) AND v.visited_at >= ?
    WHERE u.id IN (SELECT ug.user_id FROM user_grids ug JOIN user_roles r ON r.user_id = ug.user_id AND r.role = 'gridWorker'
        WHERE ug.grid_id IN (${marks(n)}))
      OR u.id IN (SELECT w.visitor_id FROM visits w WHERE w.grid_id IN (${marks(n)}) AND w.visited_at >= ?)
    GROUP BY u.id, u.name ORDER BY count(v.seq) DESC, u.id`,
  followUps: (n: number) => `${FOLLOW_UP_SELECT} WHERE f.grid_id IN (${marks(n)}) ORDER BY f.marked_at, f.household_id`,
}

/** The key of a household never visited in the pending list's order (before every real visit). */
export const NEVER = '1970-01-01T00:00:00.000Z'

export const pendingSql = (n: number, after: boolean) => `
  SELECT * FROM (
    SELECT ${HOUSEHOLD_COLUMNS}, (SELECT max(v.visited_at) FROM visits v WHERE v.household_id = h.id) AS last_visited_at
    FROM households h JOIN grids g ON g.id = h.grid_id WHERE h.grid_id IN (${marks(n)})
  ) x
  WHERE (x.last_visited_at IS NULL OR x.last_visited_at < ?)
    ${after ? `AND (COALESCE(x.last_visited_at, '${NEVER}') > ? OR (COALESCE(x.last_visited_at, '${NEVER}') = ? AND x.h_id > ?))` : ''}
  ORDER BY COALESCE(x.last_visited_at, '${NEVER}'), x.h_id LIMIT ?`
