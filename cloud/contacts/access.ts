import { AppError } from '@/domain/shared/errors'
import { tierPlaceOf, TIER_KEY } from '@/domain/shared/roles'
import type { CommunityRecord, UserRecord } from '../shared/ports'
import { committeeCommunity, isCommitteeOf, type HouseholdRecord } from '../residents'
import type { UserCtx } from './ports'

/** Who may do what with contacts (issue 17): the committee manages, the cadre acts for their households. */

export const NOT_COMMITTEE = '只有本社区工作人员可以管理联系户'
export const HOUSEHOLD_NOT_FOUND = '住户不存在'
export const NOT_CONTACT = '您不是这户的联系人'

/** The caller's community when they sit on its committee; FORBIDDEN otherwise. */
export function committeeOnly(ctx: UserCtx): Promise<CommunityRecord> {
  return committeeCommunity(ctx, NOT_COMMITTEE)
}

/** Staff of a tier above the community (街道, 区, 市) placed over it. */
function tierAbove(u: UserRecord, c: CommunityRecord): boolean {
  const place = tierPlaceOf(u)
  return place !== null && c[TIER_KEY[place.tier]] === place.id
}

/** Who may read a household's contact notes: its contact, the committee of its community, the tiers above. */
export function readsNotes(u: UserRecord, c: CommunityRecord, contactId: string | null): boolean {
  return (contactId !== null && contactId === u.id) || isCommitteeOf(u, c.id) || tierAbove(u, c)
}

/** Can be a cadre: a verified resident or a staff member of the community who signs in (not roster-only). */
export function canBeCadre(u: UserRecord, communityId: string): boolean {
  if (u.communityId !== communityId || u.rosterOnly) return false
  return u.verified || u.roles.includes('gridWorker') || u.roles.includes('committee')
}

/** A household of the caller's community (its existence is private to other communities: NOT_FOUND). */
export async function householdOfCommunity(ctx: UserCtx, householdId: string, communityId: string | null): Promise<HouseholdRecord> {
  const h = await ctx.deps.store.households.get(householdId)
  if (!h || h.communityId !== communityId) throw new AppError('NOT_FOUND', HOUSEHOLD_NOT_FOUND)
  return h
}
