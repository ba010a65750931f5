import { AppError } from '@/domain/shared/errors'
import { TIER_KEY, tierPlaceOf, type OrgPlace, type Role } from '@/domain/shared/roles'

/**
 * The caller's community, for what happens inside one (notices, reports, motions, patrols…). A person who has not
 * chosen theirs yet (a new WeChat user: me.chooseCommunity) gets NO_COMMUNITY, on which the client shows 选择社区.
 */
export function communityOf(u: { communityId: string | null }): string {
  if (!u.communityId) throw new AppError('NO_COMMUNITY')
  return u.communityId
}

/** Whether the caller acts at a tier (street, district, city) the community is under (null: no community). */
export function isAbove(u: { roles: readonly Role[] } & OrgPlace, c: { streetId: string; districtId: string | null; cityId: string | null } | null): boolean {
  const t = tierPlaceOf(u)
  return !!c && !!t && c[TIER_KEY[t.tier]] === t.id
}
