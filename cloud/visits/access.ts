import { AppError } from '@/domain/shared/errors'
import { tierPlaceOf } from '@/domain/shared/roles'
import { isAbove } from '../shared/community'
import type { HouseholdRecord } from '../residents'
import type { CommunityRecord, UserRecord } from '../shared/ports'
import type { Deps } from './ports'

/**
 * Who may see and write visits (issue 17). Visits and follow-up marks are staff-only: the grid workers of the
 * household's grid, the committee of its community, and the street/district/city staff above it (read only).
 */

export const NOT_STAFF = '只有网格员和社区工作人员可以查看走访记录'
export const HOUSEHOLD_NOT_FOUND = '住户不存在，或不在您负责的网格'
const NOT_YOUR_GRID = '只能查看自己负责网格的走访'

export const isCommitteeOf = (u: UserRecord, communityId: string): boolean =>
  u.roles.includes('committee') && u.communityId === communityId

export const workerGridIds = (u: UserRecord): string[] => (u.roles.includes('gridWorker') ? u.grids.map((g) => g.id) : [])


/** Write access to a household's visits and mark: its grid's worker or its committee. */
export const writesFor = (u: UserRecord, h: HouseholdRecord): boolean =>
  isCommitteeOf(u, h.communityId) || (u.communityId === h.communityId && workerGridIds(u).includes(h.gridId))

/**
 * The household the caller may act on (write) or read (also the tiers above). A household the caller may not
 * reach answers as one that does not exist (its existence is itself personal data).
 */
export async function loadHousehold(deps: Deps, u: UserRecord, id: string, mode: 'write' | 'read'): Promise<HouseholdRecord> {
  const h = await deps.store.households.get(id)
  if (h && writesFor(u, h)) return h
  if (h && mode === 'read') {
    const c = await deps.store.communities.get(h.communityId)
    if (c && isAbove(u, c)) return h
  }
  throw new AppError('NOT_FOUND', HOUSEHOLD_NOT_FOUND)
}

/** Whether the caller sees a household's people in full: its grid's worker or its committee (as household.list). */
export const seesFullFor =
  (u: UserRecord) =>
  (communityId: string, gridId: string): boolean =>
    isCommitteeOf(u, communityId) || (u.communityId === communityId && workerGridIds(u).includes(gridId))

/** The grids whose visits and coverage the caller reads: the community's and which of its grids. */
export interface VisitScope {
  community: CommunityRecord
  gridIds: string[]
}

/**
 * The committee: its community's grids; a grid worker: their grids; street/district/city staff: the grids of the
 * community named (one under them). `gridId` narrows to one grid of the scope (FORBIDDEN outside it).
 */
export async function scopeOf(deps: Deps, u: UserRecord, opts: { communityId?: string; gridId?: string }): Promise<VisitScope> {
  let community: CommunityRecord | null = null
  let gridIds: string[] = []
  if (u.communityId && (isCommitteeOf(u, u.communityId) || workerGridIds(u).length > 0) && (!opts.communityId || opts.communityId === u.communityId)) {
    community = await deps.store.communities.get(u.communityId)
    gridIds = community ? (isCommitteeOf(u, u.communityId) ? community.grids.map((g) => g.id) : workerGridIds(u)) : []
  } else if (tierPlaceOf(u)) {
    if (!opts.communityId) throw new AppError('INVALID_INPUT', '请选择社区', [{ path: 'communityId', message: '请选择社区' }])
    const c = await deps.store.communities.get(opts.communityId)
    if (!c || !isAbove(u, c)) throw new AppError('FORBIDDEN', '只能查看本辖区社区的走访')
    community = c
    gridIds = c.grids.map((g) => g.id)
  }
  if (!community) throw new AppError('FORBIDDEN', NOT_STAFF)
  if (opts.gridId) {
    if (!gridIds.includes(opts.gridId)) throw new AppError('FORBIDDEN', NOT_YOUR_GRID)
    gridIds = [opts.gridId]
  }
  return { community, gridIds }
}
