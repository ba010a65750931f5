import { AppError } from '@/domain/shared/errors'
import { isStaff } from '@/domain/shared/roles'
import { isAbove } from '../shared/community'
import type { UserRecord } from '../shared/ports'
import { tierAreaOf, type ReportArea } from '../reports'
import type { Deps } from './ports'

/**
 * Whose 台账 the caller exports (as report.summary decides the area): the committee its community; street, district
 * and city staff their whole area or one community under it; a grid worker their grids. Residents, volunteers and
 * staff asking for an area not theirs: FORBIDDEN; a community that does not exist: INVALID_INPUT.
 */

export const NOT_STAFF = '只有网格员和社区、街道、区、市的工作人员可以导出台账'
const NOT_YOURS = '只能导出本辖区的台账'

export interface LedgerScope {
  area: ReportArea
  /** a grid worker's grids; null: the whole area */
  gridIds: string[] | null
  areaName: string
  /** the community (null: a street, district or city) */
  communityId: string | null
}

const unknownCommunity = () => new AppError('INVALID_INPUT', '社区不存在', [{ path: 'communityId', message: '社区不存在' }])

export async function scopeOf(deps: Deps, u: UserRecord, communityId: string | undefined): Promise<LedgerScope> {
  if (!isStaff(u.roles)) throw new AppError('FORBIDDEN', NOT_STAFF)
  const named = communityId ? await deps.store.communities.get(communityId) : null
  if (communityId && !named) throw unknownCommunity()
  if (u.communityId && (!communityId || communityId === u.communityId)) {
    const own = named ?? (await deps.store.communities.get(u.communityId))
    if (own && u.roles.includes('committee')) return { area: { communityId: own.id }, gridIds: null, areaName: own.name, communityId: own.id }
    if (own && u.roles.includes('gridWorker') && u.grids.length > 0 && !tierAreaOf(u)) {
      const names = u.grids.map((g) => g.name).join('、')
      return { area: { communityId: own.id }, gridIds: u.grids.map((g) => g.id), areaName: `${own.name}${names}`, communityId: own.id }
    }
  }
  const tier = tierAreaOf(u)
  if (tier) {
    if (named) {
      if (!isAbove(u, named)) throw new AppError('FORBIDDEN', NOT_YOURS)
      return { area: { communityId: named.id }, gridIds: null, areaName: named.name, communityId: named.id }
    }
    const name = await deps.store.ledger.areaName(tier.area as Exclude<ReportArea, { communityId: string }>)
    return { area: tier.area, gridIds: null, areaName: name ?? '辖区', communityId: null }
  }
  throw new AppError('FORBIDDEN', NOT_YOURS)
}

/** A grid filter must name a grid of the scope: unknown → INVALID_INPUT, another area's → FORBIDDEN. */
export async function assertGrid(deps: Deps, scope: LedgerScope, gridId: string): Promise<void> {
  const grid = await deps.store.communities.grid(gridId)
  if (!grid) throw new AppError('INVALID_INPUT', '网格不存在', [{ path: 'gridId', message: '网格不存在' }])
  if (scope.gridIds) {
    if (!scope.gridIds.includes(gridId)) throw new AppError('FORBIDDEN', '只能导出本人负责的网格')
    return
  }
  const c = await deps.store.communities.get(grid.communityId)
  const a = scope.area
  const mine =
    'communityId' in a
      ? grid.communityId === a.communityId
      : 'streetId' in a
        ? c?.streetId === a.streetId
        : 'districtId' in a
          ? c?.districtId === a.districtId
          : c?.cityId === a.cityId
  if (!mine) throw new AppError('FORBIDDEN', '只能导出本辖区的网格')
}
