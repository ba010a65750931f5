/**
 * The reports feature's rows as both engines read them (the same columns and names in SQLite and PostgreSQL:
 * PostgreSQL's SELECTs render `anonymous` as 0/1 and the role and photo lists as JSON text, as SQLite's
 * json_group_array does), and the records the ports speak. Each engine's adapter writes its own SQL.
 */
import type { ReportCategory, ReportLevel, ReportStatus } from '@/domain/reports'
import type { Role } from '@/domain/shared/roles'
import type { MediationRecord, ReportEventRecord, ReportRecord } from '../../reports/ports'

export interface ReportRow {
  seq: number
  id: string
  community_id: string
  street_id: string
  grid_id: string
  grid_name: string
  grid_phone: string | null
  reporter_id: string
  reporter_name: string
  reporter_phone: string | null
  category: ReportCategory
  description: string
  latitude: number | null
  longitude: number | null
  address: string | null
  coord_source: 'gcj02' | 'wgs84' | null
  anonymous: number
  visibility: 'public' | 'private'
  moderation: 'clean' | 'review'
  status: ReportStatus
  level: ReportLevel
  max_level: ReportLevel
  assignee_id: string | null
  assignee_name: string | null
  accept_by: string
  resolve_by: string
  due_at: string | null
  supporters: number
  reopen_count: number
  accepted_at: string | null
  resolved_at: string | null
  closed_at: string | null
  rating: number | null
  rating_comment: string | null
  rated_at: string | null
  created_at: string
  updated_at: string
  version: number
  cover: string | null
}

export function reportRecord(r: ReportRow): ReportRecord {
  return {
    seq: r.seq,
    id: r.id,
    communityId: r.community_id,
    streetId: r.street_id,
    gridId: r.grid_id,
    gridName: r.grid_name,
    gridPhone: r.grid_phone,
    reporterId: r.reporter_id,
    reporterName: r.reporter_name,
    reporterPhone: r.reporter_phone,
    category: r.category,
    description: r.description,
    latitude: r.latitude,
    longitude: r.longitude,
    address: r.address,
    coordSource: r.coord_source,
    anonymous: r.anonymous === 1,
    visibility: r.visibility,
    moderation: r.moderation,
    status: r.status,
    level: r.level,
    maxLevel: r.max_level,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    acceptBy: r.accept_by,
    resolveBy: r.resolve_by,
    dueAt: r.due_at,
    supporters: r.supporters,
    reopenCount: r.reopen_count,
    acceptedAt: r.accepted_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    rating: r.rating,
    ratingComment: r.rating_comment,
    ratedAt: r.rated_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    cover: r.cover,
  }
}

/** A JSON array of roles (an actor's or a recorder's); null: none. */
const rolesOf = (json: string | null) => (json ? (JSON.parse(json) as Role[]) : [])

export interface ReportEventRow {
  id: number
  at: string
  actor_id: string | null
  actor_name: string | null
  actor_roles: string | null
  action: string
  note: string | null
  status: ReportStatus
  level: ReportLevel
  to_user_id: string | null
  /** JSON array of file ids in photo order */
  photo_ids: string
}

export function reportEventRecord(e: ReportEventRow): ReportEventRecord {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actor_id,
    actorName: e.actor_name,
    actorRoles: rolesOf(e.actor_roles),
    action: e.action,
    note: e.note,
    status: e.status,
    level: e.level,
    toUserId: e.to_user_id,
    photoIds: JSON.parse(e.photo_ids) as string[],
  }
}

export interface MediationRow {
  kind: MediationRecord['kind']
  parties: string
  outcome: MediationRecord['outcome']
  agreement: string | null
  updated_at: string
}

export interface MediationSessionRow {
  date: string
  note: string
  recorded_by: string
  name: string
  roles: string | null
}

export function mediationRecord(m: MediationRow, sessions: MediationSessionRow[]): MediationRecord {
  return {
    kind: m.kind,
    parties: JSON.parse(m.parties) as MediationRecord['parties'],
    outcome: m.outcome,
    agreement: m.agreement,
    updatedAt: m.updated_at,
    sessions: sessions.map((s) => ({
      date: s.date,
      note: s.note,
      recordedById: s.recorded_by,
      recordedByName: s.name,
      recordedByRoles: rolesOf(s.roles),
    })),
  }
}
