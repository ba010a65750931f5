import { isAbove } from '../shared/community'
import { AppError } from '@/domain/shared/errors'
import { tierPlaceOf } from '@/domain/shared/roles'
import type { UserRecord } from '../shared/ports'
import type { Deps, WarningRecord } from './ports'

/**
 * Who sees and assesses warnings (issue 18): staff only. A grid worker: the warnings of their grids; the committee:
 * every warning of its community (and may assess them all, and set the rules); street, district and city staff read
 * those of a community under them. Residents and volunteers: FORBIDDEN.
 */

export const NOT_STAFF = '只有网格员和社区工作人员可以查看预警'
const NOT_YOURS = '只能查看本人负责网格或本社区的预警'

export const isCommitteeOf = (u: UserRecord, communityId: string): boolean => u.roles.includes('committee') && u.communityId === communityId

const workerGrids = (u: UserRecord, communityId: string): string[] =>
  u.roles.includes('gridWorker') && u.communityId === communityId ? u.grids.map((g) => g.id) : []

/** The warnings the caller lists: a community and (a grid worker) which of its grids; null: all of them. */
export async function scopeOf(deps: Deps, u: UserRecord, communityId: string | undefined): Promise<{ communityId: string; gridIds: string[] | null }> {
  if (u.communityId && (!communityId || communityId === u.communityId)) {
    if (isCommitteeOf(u, u.communityId)) return { communityId: u.communityId, gridIds: null }
    const grids = workerGrids(u, u.communityId)
    if (grids.length > 0) return { communityId: u.communityId, gridIds: grids }
  }
  if (tierPlaceOf(u)) {
    if (!communityId) throw new AppError('INVALID_INPUT', '请选择社区', [{ path: 'communityId', message: '请选择社区' }])
    const c = await deps.store.communities.get(communityId)
    if (!c || !isAbove(u, c)) throw new AppError('FORBIDDEN', '只能查看本辖区社区的预警')
    return { communityId: c.id, gridIds: null }
  }
  throw new AppError('FORBIDDEN', u.roles.some((r) => r === 'gridWorker' || r === 'committee') ? NOT_YOURS : NOT_STAFF)
}

/** Whether the caller may record a 会商研判 on it: its community's committee, or a worker of its grid. */
export const assessesFor = (u: UserRecord, w: WarningRecord): boolean =>
  isCommitteeOf(u, w.communityId) || (w.gridId !== null && workerGrids(u, w.communityId).includes(w.gridId))

/** The warning, when the caller may see it (NOT_FOUND: none; FORBIDDEN: not theirs, or not staff). */
export async function loadWarning(deps: Deps, u: UserRecord, id: string): Promise<{ warning: WarningRecord; canAssess: boolean }> {
  const w = await deps.store.warnings.get(id)
  if (!w) {
    if (!u.roles.some((r) => r !== 'resident' && r !== 'volunteer')) throw new AppError('FORBIDDEN', NOT_STAFF)
    throw new AppError('NOT_FOUND', '预警不存在')
  }
  if (assessesFor(u, w)) return { warning: w, canAssess: true }
  if (tierPlaceOf(u)) {
    const c = await deps.store.communities.get(w.communityId)
    if (c && isAbove(u, c)) return { warning: w, canAssess: false }
  }
  const staff = u.roles.some((r) => r === 'gridWorker' || r === 'committee') || tierPlaceOf(u)
  throw new AppError('FORBIDDEN', staff ? NOT_YOURS : NOT_STAFF)
}
