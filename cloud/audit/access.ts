import { AppError } from '@/domain/shared/errors'
import { tierPlaceOf } from '@/domain/shared/roles'
import { isAbove } from '../shared/community'
import type { UserRecord } from '../shared/ports'
import type { AuditScope, Deps } from './ports'

/**
 * Who reads the audit log (issue 19): the committee its own community's entries; street, district and city staff
 * those of the communities under them (or one of them, `communityId`), and the city also the system-wide entries
 * (no community). Everyone else (residents, volunteers, grid workers, departments): FORBIDDEN.
 */

export const NOT_READER = '只有社区及以上的工作人员可以查看操作日志'
const NOT_YOURS = '只能查看本辖区社区的操作日志'

export async function auditScopeOf(deps: Deps, u: UserRecord, communityId: string | undefined): Promise<AuditScope> {
  const t = tierPlaceOf(u)
  if (t) {
    if (communityId) {
      const c = await deps.store.communities.get(communityId)
      if (!c || !isAbove(u, c)) throw new AppError('FORBIDDEN', NOT_YOURS)
      return { communityIds: [c.id], system: false }
    }
    const area = t.tier === 'street' ? { streetId: t.id } : t.tier === 'district' ? { districtId: t.id } : { cityId: t.id }
    return { communityIds: await deps.store.audit.communitiesIn(area), system: t.tier === 'city' }
  }
  if (u.roles.includes('committee') && u.communityId) {
    if (communityId && communityId !== u.communityId) throw new AppError('FORBIDDEN', NOT_YOURS)
    return { communityIds: [u.communityId], system: false }
  }
  throw new AppError('FORBIDDEN', NOT_READER)
}
