/**
 * The contacts' rows and SQL as both engines read them (issue 17): the same columns; flags are 0/1 on SQLite and
 * booleans on PostgreSQL. Statements use `?` placeholders (PostgreSQL's repository numbers them: tx.numbered).
 */
import type { CadreTitle, ContactKind } from '@/domain/contacts'
import type { CadreHouseholdRecord, CadreRecord, ContactLogRecord, HouseholdContactRecord, HouseholdRow } from '../../contacts/ports'

export interface CadreRow {
  user_id: string
  community_id: string
  name: string
  phone: string | null
  title: CadreTitle
  publish_phone: number | boolean
  public_note: string | null
  households: number
  last_log_at: string | null
  created_at: string
  updated_at: string
}

export const CADRE_SELECT = `
  SELECT c.user_id, c.community_id, u.name, u.phone, c.title, c.publish_phone, c.public_note, c.households,
    c.created_at, c.updated_at, (SELECT max(l.at) FROM contact_logs l WHERE l.cadre_id = c.user_id) AS last_log_at
  FROM cadres c JOIN users u ON u.id = c.user_id`

export function cadreRecord(r: CadreRow): CadreRecord {
  return {
    userId: r.user_id,
    communityId: r.community_id,
    name: r.name,
    phone: r.phone,
    title: r.title,
    publishPhone: Boolean(r.publish_phone),
    publicNote: r.public_note,
    households: Number(r.households),
    lastLogAt: r.last_log_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export interface HouseholdRowDb {
  household_id: string
  building: string
  unit: string
  room: string
  head_name: string
  grid_name: string
}

const HOUSEHOLD_COLUMNS = 'h.id AS household_id, h.building, h.unit, h.room, h.head_name, g.name AS grid_name'

export function householdRow(r: HouseholdRowDb): HouseholdRow {
  return { householdId: r.household_id, building: r.building, unit: r.unit, room: r.room, headName: r.head_name, gridName: r.grid_name }
}

const LAST = (col: string) =>
  `(SELECT l.${col} FROM contact_logs l WHERE l.household_id = h.id ORDER BY l.at DESC, l.seq DESC LIMIT 1)`

export const HOUSEHOLDS_OF_CADRE = `
  SELECT ${HOUSEHOLD_COLUMNS}, ${LAST('at')} AS last_at, ${LAST('kind')} AS last_kind
  FROM contact_assignments a JOIN households h ON h.id = a.household_id JOIN grids g ON g.id = h.grid_id
  WHERE a.cadre_id = ?
  ORDER BY g.seq, h.building, h.unit, h.room, h.id`

export function cadreHouseholdRecord(r: HouseholdRowDb & { last_at: string | null; last_kind: ContactKind | null }): CadreHouseholdRecord {
  return { ...householdRow(r), lastContactAt: r.last_at, lastKind: r.last_kind }
}

const UNCOVERED_WHERE = `
  FROM households h JOIN grids g ON g.id = h.grid_id
  WHERE g.community_id = ? AND NOT EXISTS (SELECT 1 FROM contact_assignments a WHERE a.household_id = h.id)`

export const UNCOVERED = `SELECT ${HOUSEHOLD_COLUMNS} ${UNCOVERED_WHERE} ORDER BY g.seq, h.building, h.unit, h.room, h.id LIMIT ?`
export const UNCOVERED_COUNT = `SELECT count(*) AS n ${UNCOVERED_WHERE}`

export const CADRES_OF_COMMUNITY = `${CADRE_SELECT} WHERE c.community_id = ? ORDER BY u.name, c.user_id`

export const CONTACT_OF = `
  SELECT c.user_id AS cadre_id, u.name, u.phone, c.title, c.publish_phone, c.public_note
  FROM contact_assignments a JOIN cadres c ON c.user_id = a.cadre_id JOIN users u ON u.id = c.user_id
  WHERE a.household_id = ?`

export interface ContactOfRow {
  cadre_id: string
  name: string
  phone: string | null
  title: CadreTitle
  publish_phone: number | boolean
  public_note: string | null
}

export function householdContactRecord(r: ContactOfRow): HouseholdContactRecord {
  return { cadreId: r.cadre_id, name: r.name, phone: r.phone, title: r.title, publishPhone: Boolean(r.publish_phone), publicNote: r.public_note }
}

export const LOG_SELECT = `
  SELECT l.id, l.household_id, l.cadre_id, u.name AS cadre_name, l.kind, l.at, l.note, l.created_at
  FROM contact_logs l JOIN users u ON u.id = l.cadre_id`

export const HISTORY = `${LOG_SELECT} WHERE l.household_id = ? ORDER BY l.at DESC, l.seq DESC LIMIT ?`
export const LOG_BY_ID = `${LOG_SELECT} WHERE l.id = ?`

export interface LogRow {
  id: string
  household_id: string
  cadre_id: string
  cadre_name: string
  kind: ContactKind
  at: string
  note: string
  created_at: string
}

export function logRecord(r: LogRow): ContactLogRecord {
  return { id: r.id, householdId: r.household_id, cadreId: r.cadre_id, cadreName: r.cadre_name, kind: r.kind, at: r.at, note: r.note, createdAt: r.created_at }
}

export const IS_CONTACT = 'SELECT 1 AS one FROM contact_assignments WHERE household_id = ? AND cadre_id = ?'
export const ASSIGNMENT_OF = 'SELECT cadre_id, community_id FROM contact_assignments WHERE household_id = ?'
export const MARK_ON_BEHALF = 'UPDATE reports SET on_behalf_of_household = ?, raised_by = ? WHERE id = ?'
export const CREATE_EVENT_NOTE = "UPDATE report_events SET note = ? WHERE report_id = ? AND action = 'create'"
