import { addressText } from '@/domain/residents/address'
import { maskName, maskPhone } from '@/domain/shared/mask'
import type { HouseholdView, ResidentApplicationView } from '@/domain/residents'
import type { MemberView } from '@/domain/members'
import type { UserRecord } from '../shared/ports'
import { isCommitteeOf, sameName, seesInFull, type Subject } from './policy'
import type { HouseholdRecord, ResidentApplicationRecord } from './ports'

/** Every reply that carries a person goes through here: full or masked by seesInFull. */
export const person = (viewer: UserRecord, s: Subject) => {
  const full = seesInFull(viewer, s)
  return {
    name: (n: string) => (full ? n : maskName(n)),
    phone: (p: string | null) => (p === null ? null : full ? p : maskPhone(p)),
  }
}

export function toHouseholdView(h: HouseholdRecord, viewer: UserRecord): HouseholdView {
  const p = person(viewer, { communityId: h.communityId, gridId: h.gridId })
  return {
    id: h.id,
    gridId: h.gridId,
    gridName: h.gridName,
    building: h.building,
    unit: h.unit === '' ? null : h.unit,
    room: h.room,
    headName: p.name(h.headName),
    adults: h.adults,
    phone: p.phone(h.phone),
    members: h.members,
  }
}

export function toResidentApplicationView(a: ResidentApplicationRecord, viewer: UserRecord): ResidentApplicationView {
  const p = person(viewer, { userId: a.userId, communityId: a.communityId, gridId: a.gridId })
  return {
    id: a.id,
    status: a.status,
    gridId: a.gridId,
    gridName: a.gridName,
    building: a.building,
    unit: a.unit === '' ? null : a.unit,
    room: a.room,
    name: p.name(a.name),
    relation: a.relation,
    householdId: a.householdId ?? a.rosterHouseholdId,
    matchesRoster: a.rosterHeadName !== null && sameName(a.rosterHeadName, a.name),
    reason: a.reason,
    createdAt: a.createdAt,
    reviewedAt: a.reviewedAt,
    applicantId: a.userId,
  }
}

/**
 * The applicant's own application (resident.myApplication): nothing of the roster — whether the name
 * matches its 户主 or which household that room is — only the committee's views carry those.
 */
export function toOwnApplicationView(a: ResidentApplicationRecord, viewer: UserRecord): ResidentApplicationView {
  return { ...toResidentApplicationView(a, viewer), householdId: null, matchesRoster: false }
}

/** `household`: the person's household, if the caller looked it up; its address goes to the community's committee only. */
export function toMemberView(u: UserRecord, viewer: UserRecord, household: HouseholdRecord | null = null): MemberView {
  const p = person(viewer, { userId: u.id, communityId: u.communityId, gridId: u.gridId })
  const address =
    household && household.id === u.householdId && isCommitteeOf(viewer, u.communityId)
      ? addressText(household.building, household.unit, household.room)
      : null
  return {
    id: u.id,
    name: p.name(u.name),
    phone: p.phone(u.phone),
    roles: u.roles,
    gridId: u.gridId,
    gridName: u.gridName,
    grids: u.grids,
    verified: u.verified,
    rosterOnly: u.rosterOnly,
    address,
  }
}
