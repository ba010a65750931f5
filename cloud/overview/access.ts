import { AppError } from '@/domain/shared/errors'
import { tierPlaceOf } from '@/domain/shared/roles'
import type { AreaKind, OverviewGetInput } from '@/domain/overview'
import type { UserRecord } from '../shared/ports'
import type { Deps, OverviewScope, PlaceRecord } from './ports'

/**
 * Who reads which 总览 (issue 19): the committee its community; street, district and city staff their area (and any
 * grid, community, street or district under it); a grid worker their grids. Residents, volunteers and department
 * staff: FORBIDDEN. An area asked for that does not exist: NOT_FOUND; one outside the caller's: FORBIDDEN.
 */

export const NOT_STAFF = '只有网格员和社区、街道、区、市的工作人员可以查看总览'
export const NOT_YOURS = '只能查看本辖区的总览'
export const NO_AREA = '区域不存在'

type Own = { kind: 'grids'; gridIds: string[] } | { kind: Exclude<AreaKind, 'grid'>; id: string }

/** The caller's own area, as report.summary decides it (the committee first, then the tier), then a grid worker's grids. */
export function ownScopeOf(u: UserRecord): Own {
  if (u.roles.includes('committee') && u.communityId) return { kind: 'community', id: u.communityId }
  const tier = tierPlaceOf(u)
  if (tier) return { kind: tier.tier, id: tier.id }
  if (u.roles.includes('gridWorker') && u.grids.length > 0) return { kind: 'grids', gridIds: u.grids.map((g) => g.id) }
  throw new AppError('FORBIDDEN', NOT_STAFF)
}

/** Whether the place lies in the caller's own area. */
export function contains(own: Own, p: PlaceRecord): boolean {
  if (own.kind === 'grids') return p.kind === 'grid' && own.gridIds.includes(p.id)
  const above = { community: p.communityId, street: p.streetId, district: p.districtId, city: p.cityId }[own.kind]
  return above === own.id
}

export interface Area {
  scope: OverviewScope
  kind: AreaKind | 'grids'
  id: string | null
  name: string
}

/** The area the caller reads: the one asked for (when theirs) or their own. */
export async function areaOf(deps: Deps, u: UserRecord, asked: OverviewGetInput['area']): Promise<Area> {
  const own = ownScopeOf(u)
  if (!asked) {
    if (own.kind === 'grids') {
      const names = u.grids.map((g) => g.name)
      return { scope: own, kind: 'grids', id: null, name: names.length === 1 ? names[0] : `我的网格（${names.length} 个）` }
    }
    const place = await deps.store.overview.place(own.kind, own.id)
    if (!place) throw new AppError('NOT_FOUND', NO_AREA)
    return { scope: own, kind: own.kind, id: own.id, name: place.name }
  }
  const place = await deps.store.overview.place(asked.kind, asked.id)
  if (!place) throw new AppError('NOT_FOUND', NO_AREA)
  if (!contains(own, place)) throw new AppError('FORBIDDEN', NOT_YOURS)
  const scope: OverviewScope = place.kind === 'grid' ? { kind: 'grids', gridIds: [place.id] } : { kind: asked.kind as Exclude<AreaKind, 'grid' | 'city'>, id: place.id }
  return { scope, kind: place.kind, id: place.id, name: place.name }
}

/** What the sub-areas of a scope are. */
export function subAreaKindOf(scope: OverviewScope): AreaKind {
  return { grids: 'grid', community: 'grid', street: 'community', district: 'street', city: 'district' }[scope.kind] as AreaKind
}
