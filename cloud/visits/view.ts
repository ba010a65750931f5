import { addressText } from '@/domain/residents/address'
import { maskName } from '@/domain/shared/mask'
import { followUpDueAt, isFollowUpOverdue } from '@/domain/visits/rules'
import type { FollowUpView, VisitHousehold, VisitView } from '@/domain/visits'
import type { FollowUpRecord, HouseholdRef, VisitRecord } from './ports'

/**
 * Replies of the visits feature: all go to staff (access.ts). The household's 户主 name in full only to those who
 * see its people in full (its grid's worker, its committee: `full`); the street, district and city get it masked.
 */
export type SeesFull = (communityId: string, gridId: string) => boolean

export const householdView = (h: HouseholdRef, full: boolean): VisitHousehold => ({
  id: h.id,
  gridId: h.gridId,
  gridName: h.gridName,
  address: addressText(h.building, h.unit, h.room),
  headName: full ? h.headName : maskName(h.headName),
})

export const visitView = (v: VisitRecord, full: SeesFull): VisitView => ({
  id: v.id,
  household: householdView(v.household, full(v.communityId, v.gridId)),
  visitorName: v.visitorName,
  visitedAt: v.visitedAt,
  met: v.met,
  finding: v.finding,
  note: v.note,
  reportId: v.reportId,
})

export const followUpView = (f: FollowUpRecord, now: string, full: SeesFull): FollowUpView => ({
  householdId: f.householdId,
  household: householdView(f.household, full(f.communityId, f.gridId)),
  kind: f.kind,
  reason: f.reason,
  everyDays: f.everyDays,
  markedAt: f.markedAt,
  lastVisitedAt: f.lastVisitedAt,
  dueAt: followUpDueAt(f),
  overdue: isFollowUpOverdue(f, now),
})
