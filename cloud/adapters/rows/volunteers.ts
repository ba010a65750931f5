/** The volunteer applications' row as both engines read it (same columns; no flag) and its record. */
import type { ApplicationStatus } from '@/domain/residents'
import type { VolunteerApplicationRecord } from '../../volunteers/ports'

export interface VolunteerAppRow {
  seq: number
  id: string
  user_id: string
  community_id: string
  name: string
  phone: string | null
  grid_id: string | null
  grid_name: string | null
  skills: string | null
  availability: string | null
  status: ApplicationStatus
  reason: string | null
  created_at: string
  reviewed_at: string | null
}

export function volunteerAppRecord(r: VolunteerAppRow): VolunteerApplicationRecord {
  return {
    id: r.id,
    userId: r.user_id,
    communityId: r.community_id,
    name: r.name,
    phone: r.phone,
    gridId: r.grid_id,
    gridName: r.grid_name,
    skills: r.skills,
    availability: r.availability,
    status: r.status,
    reason: r.reason,
    createdAt: r.created_at,
    reviewedAt: r.reviewed_at,
  }
}
