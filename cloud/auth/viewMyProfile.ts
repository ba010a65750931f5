import type { Me } from '@/domain/auth'
import { maskName } from '@/domain/shared/mask'
import type { MyHousehold } from '@/domain/residents'
import type { Deps, UserCtx } from './ports'
import type { UserRecord } from '../shared/ports'

/** The household a verified resident is bound to; the 户主's name is masked unless the caller is the 户主. */
async function myHousehold(deps: Deps, u: UserRecord): Promise<MyHousehold | null> {
  if (!u.verified || !u.householdId) return null
  const h = await deps.store.households.get(u.householdId)
  if (!h) return null
  const relation = await deps.store.residentApplications.relationOf(u.id, h.id)
  return {
    id: h.id,
    gridName: h.gridName,
    building: h.building,
    unit: h.unit === '' ? null : h.unit,
    room: h.room,
    headName: relation === 'head' ? h.headName : maskName(h.headName),
    relation,
  }
}

/** The caller's own profile: the only reply where their phone number is shown unmasked. */
export async function toMe(deps: Deps, u: UserRecord): Promise<Me> {
  return {
    id: u.id,
    name: u.name,
    roles: u.roles,
    communityId: u.communityId,
    communityName: u.communityName,
    gridId: u.gridId,
    gridName: u.gridName,
    grids: u.grids,
    verified: u.verified,
    phone: u.phone,
    household: await myHousehold(deps, u),
  }
}

/** me.get — a signed-in person looks at their own profile. */
export async function viewMyProfile(_input: Record<string, never>, ctx: UserCtx): Promise<Me> {
  return toMe(ctx.deps, ctx.user)
}
