import type { MemberView } from '@/domain/members'
import type { Deps } from './ports'
import type { HouseholdRecord } from '../residents'
import type { UserRecord } from '../shared/ports'
import { isCommitteeOf, toMemberView } from '../residents'

/**
 * People as the caller may see them; for the committee of their community with their household's address
 * (each household read once per reply). Nobody else gets an address, so nothing is read for them.
 */
export async function memberViews(deps: Deps, users: UserRecord[], viewer: UserRecord): Promise<MemberView[]> {
  const ids = new Set(users.filter((u) => u.householdId && isCommitteeOf(viewer, u.communityId)).map((u) => u.householdId as string))
  const households = new Map<string, HouseholdRecord>()
  for (const id of ids) {
    const h = await deps.store.households.get(id)
    if (h) households.set(id, h)
  }
  return users.map((u) => toMemberView(u, viewer, (u.householdId && households.get(u.householdId)) || null))
}
