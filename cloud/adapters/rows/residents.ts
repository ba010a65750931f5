/**
 * The residents feature's rows as both engines read them (the columns and names are the same in SQLite and
 * PostgreSQL; neither holds a flag), and the records the ports speak. Each engine's adapter writes its own SQL.
 */
import type { ApplicationStatus, Relation } from '@/domain/residents'
import type { HouseholdRecord, ResidentApplicationRecord } from '../../residents/ports'

export interface HouseholdRow {
  id: string
  grid_id: string
  community_id: string
  grid_name: string
  grid_seq: number
  building: string
  unit: string
  room: string
  head_name: string
  adults: number | null
  phone: string | null
  updated_at: string | null
  members: number
}

export function householdRecord(r: HouseholdRow): HouseholdRecord {
  return {
    id: r.id,
    communityId: r.community_id,
    gridId: r.grid_id,
    gridName: r.grid_name,
    gridSeq: r.grid_seq,
    building: r.building,
    unit: r.unit,
    room: r.room,
    headName: r.head_name,
    adults: r.adults ?? 0,
    phone: r.phone,
    updatedAt: r.updated_at,
    members: r.members,
  }
}

export interface ResidentAppRow {
  seq: number
  id: string
  user_id: string
  community_id: string
  grid_id: string
  grid_name: string
  building: string
  unit: string
  room: string
  name: string
  relation: Relation
  status: ApplicationStatus
  household_id: string | null
  reason: string | null
  reviewer_id: string | null
  created_at: string
  reviewed_at: string | null
  roster_household_id: string | null
  roster_head_name: string | null
}

export const RESIDENT_APP_SELECT = `
  SELECT a.*, g.name AS grid_name, h.id AS roster_household_id, h.head_name AS roster_head_name
  FROM resident_applications a
  JOIN grids g ON g.id = a.grid_id
  LEFT JOIN households h ON h.grid_id = a.grid_id
    AND h.building_key = a.building_key AND h.unit_key = a.unit_key AND h.room_key = a.room_key`

export function residentAppRecord(r: ResidentAppRow): ResidentApplicationRecord {
  return {
    id: r.id,
    userId: r.user_id,
    communityId: r.community_id,
    gridId: r.grid_id,
    gridName: r.grid_name,
    building: r.building,
    unit: r.unit,
    room: r.room,
    name: r.name,
    relation: r.relation,
    status: r.status,
    householdId: r.household_id,
    reason: r.reason,
    reviewerId: r.reviewer_id,
    createdAt: r.created_at,
    reviewedAt: r.reviewed_at,
    rosterHouseholdId: r.roster_household_id,
    rosterHeadName: r.roster_head_name,
  }
}
