import type { Me } from '@/domain/auth'
import type { UserCtx } from '../api/context'
import type { UserRecord } from '../ports'

/** The caller's own profile: the only reply where their phone number is shown unmasked. */
export function toMe(u: UserRecord): Me {
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
  }
}

/** me.get — a signed-in person looks at their own profile. */
export async function viewMyProfile(_input: Record<string, never>, ctx: UserCtx): Promise<Me> {
  return toMe(ctx.user)
}
