import { AppError } from '@/domain/shared/errors'
import { tierPlaceOf } from '@/domain/shared/roles'
import type { DepartmentArea, DepartmentRecord, Deps } from './ports'
import type { UserRecord } from '../shared/ports'

export const NOT_FOUND = '职能部门不存在，或不在您的辖区'
export const MANAGE_FORBIDDEN = '只有街道、区或市的工作人员可以管理本辖区的职能部门'

/** Whether a street's, district's or city's staff member acts over the department's area (they manage it). */
export function managesDepartment(u: UserRecord, d: DepartmentRecord): boolean {
  const t = tierPlaceOf(u)
  if (!t) return false
  if (t.tier === 'street') return d.streetId !== null && d.streetId === t.id
  if (t.tier === 'district') return d.parentDistrictId === t.id
  return d.cityId === t.id
}

/** The department, if the caller manages it; NOT_FOUND when it does not exist, FORBIDDEN when it is another area's. */
export async function managedDepartment(deps: Deps, u: UserRecord, id: string): Promise<DepartmentRecord> {
  const d = await deps.store.departments.get(id)
  if (!d) throw new AppError('NOT_FOUND', NOT_FOUND)
  if (!managesDepartment(u, d)) throw new AppError('FORBIDDEN', MANAGE_FORBIDDEN)
  return d
}

/**
 * The departments the caller may see and pick: a street's staff and a community's committee those of their street
 * and its district; a district's those of the district and its streets; a city's all of its districts'. Null: none.
 */
export function areaOfCaller(u: UserRecord): DepartmentArea | null {
  const t = tierPlaceOf(u)
  if (t?.tier === 'city') return { cityId: t.id }
  if (t?.tier === 'district') return { districtId: t.id }
  if (t?.tier === 'street') return { streetId: t.id, districtId: u.districtId }
  if (u.roles.includes('committee') && u.streetId) return { streetId: u.streetId, districtId: u.districtId }
  return null
}

/** A department may take a report of its area: its street's, or any street's of its district. */
export function servesReport(d: DepartmentRecord, r: { streetId: string; districtId: string | null }): boolean {
  return (d.streetId !== null && d.streetId === r.streetId) || (d.districtId !== null && d.districtId === r.districtId)
}
