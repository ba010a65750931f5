import { AppError } from '@/domain/shared/errors'
import { isStaff, TIER_KEY, tierPlaceOf } from '@/domain/shared/roles'
import type * as shared from '../shared/context'
import type { UserRecord } from '../shared/ports'
import type { Deps, PatrolsStore, ShiftRecord } from './ports'
import { communityOf } from '../shared/community'

export const NOT_FOUND_MESSAGE = '巡逻班次不存在，或您无权查看'
export const NOT_VOLUNTEER = '报名巡逻需先成为志愿者'
export const NOT_SIGNED_UP = '您没有报名这个班次'

export function isCommitteeOf(u: UserRecord, communityId: string): boolean {
  return u.roles.includes('committee') && u.communityId === communityId
}

/** A verified volunteer of the shift's community: the only ones who sign up, check in and log. */
export function isVolunteerOf(u: UserRecord, communityId: string): boolean {
  return u.roles.includes('volunteer') && u.verified && u.communityId === communityId
}

export function requireCommittee(u: UserRecord, message = '只有社区/村委会可以安排巡逻'): string {
  if (!u.roles.includes('committee') || !u.communityId) throw new AppError('FORBIDDEN', message)
  return u.communityId
}

/** The community whose shifts the caller lists: their own. */
export const requireCommunity = (u: UserRecord): string => communityOf(u)

/** Members of the community read its shifts; street, district and city staff those of the communities under them. */
export async function canSee(deps: Deps, s: ShiftRecord, u: UserRecord): Promise<boolean> {
  if (u.communityId === s.communityId) return true
  const t = tierPlaceOf(u)
  if (!t) return false
  const c = await deps.store.communities.get(s.communityId)
  return c?.[TIER_KEY[t.tier]] === t.id
}

/** Names on the roster in full: staff of the community (or above it). */
export function seesFullNames(u: UserRecord): boolean {
  return isStaff(u.roles)
}

/**
 * Every volunteer's patrol notes: staff, who reach a shift only through loadShift (their community, or staff
 * of the street, district or city above it). Anyone else reads their own.
 */
export function seesAllLogs(u: UserRecord): boolean {
  return isStaff(u.roles)
}

/** The lazy time rule (forgotten check-outs closed at the end, no-shows marked) before a read or a write. */
export async function settle(deps: shared.Deps<Pick<PatrolsStore, 'shifts'>>): Promise<void> {
  await deps.store.shifts.settle(deps.clock.now().toISOString())
}

/** The shift the caller may see, settled; NOT_FOUND otherwise (another community's looks like none). */
export async function loadShift(deps: Deps, id: string, u: UserRecord): Promise<ShiftRecord> {
  await settle(deps)
  const s = await deps.store.shifts.get(id)
  if (!s || !(await canSee(deps, s, u))) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  return s
}

/** For the volunteer actions: the shift of the caller's community and the caller a volunteer of it. */
export async function loadForVolunteer(deps: Deps, id: string, u: UserRecord): Promise<ShiftRecord> {
  const s = await loadShift(deps, id, u)
  if (!isVolunteerOf(u, s.communityId)) throw new AppError('FORBIDDEN', NOT_VOLUNTEER)
  return s
}

export function toIso(s: string): string {
  return new Date(s).toISOString()
}
