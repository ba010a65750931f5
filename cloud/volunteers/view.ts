import type { VolunteerApplicationView } from '@/domain/volunteers'
import { person } from '../residents'
import type { UserRecord } from '../shared/ports'
import type { VolunteerApplicationRecord } from './ports'

/** A volunteer application as the viewer may see it: the applicant's name and phone full or masked (residents' rule). */
export function toVolunteerApplicationView(a: VolunteerApplicationRecord, viewer: UserRecord): VolunteerApplicationView {
  const p = person(viewer, { userId: a.userId, communityId: a.communityId, gridId: a.gridId })
  return {
    id: a.id,
    status: a.status,
    applicantId: a.userId,
    name: p.name(a.name),
    phone: p.phone(a.phone),
    gridName: a.gridName,
    skills: a.skills,
    availability: a.availability,
    reason: a.reason,
    createdAt: a.createdAt,
    reviewedAt: a.reviewedAt,
  }
}
