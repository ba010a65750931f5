import { addressText } from '@/domain/residents/address'
import { followUpDueAt, isFollowUpOverdue } from '@/domain/visits/rules'
import type { FollowUpView, VisitHousehold, VisitView } from '@/domain/visits'
import type { FollowUpRecord, HouseholdRef, VisitRecord } from './ports'

/** Replies of the visits feature: every one goes to staff who may see the household in full (access.ts). */

export const householdView = (h: HouseholdRef): VisitHousehold => ({
  id: h.id,
  gridId: h.gridId,
  gridName: h.gridName,
  address: addressText(h.building, h.unit, h.room),
  headName: h.headName,
})

export const visitView = (v: VisitRecord): VisitView => ({
  id: v.id,
  household: householdView(v.household),
  visitorName: v.visitorName,
  visitedAt: v.visitedAt,
  met: v.met,
  finding: v.finding,
  note: v.note,
  reportId: v.reportId,
})

export const followUpView = (f: FollowUpRecord, now: string): FollowUpView => ({
  householdId: f.householdId,
  household: householdView(f.household),
  kind: f.kind,
  reason: f.reason,
  everyDays: f.everyDays,
  markedAt: f.markedAt,
  lastVisitedAt: f.lastVisitedAt,
  dueAt: followUpDueAt(f),
  overdue: isFollowUpOverdue(f, now),
})
