import { AppError } from '@/domain/shared/errors'
import { tierPlaceOf } from '@/domain/shared/roles'
import type { departmentCreateSchema, DepartmentView } from '@/domain/departments'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { MANAGE_FORBIDDEN } from './access'
import { toDepartmentView } from './view'

type Input = z.output<typeof departmentCreateSchema>

const NAME_TAKEN = '本辖区已有同名的职能部门'
const NOT_YOURS = '只能为本辖区的街道或区设立职能部门'

/**
 * department.create — street, district or city staff set up a functional department for a street or district of
 * their area with the report categories it takes. A street's staff: their street (no other); a district's: the
 * district, or one of its streets; a city's: a district or street of the city, named. Idempotent by requestId.
 */
export async function createDepartment(input: Input, ctx: UserCtx): Promise<DepartmentView> {
  const { deps, user } = ctx
  const t = tierPlaceOf(user)
  if (!t) throw new AppError('FORBIDDEN', MANAGE_FORBIDDEN)
  let place: { streetId: string | null; districtId: string | null }
  if (input.streetId) {
    const street = await deps.store.departments.street(input.streetId)
    if (!street) throw new AppError('INVALID_INPUT', '街道不存在', [{ path: 'streetId', message: '街道不存在' }])
    const mine = t.tier === 'street' ? street.id === t.id : t.tier === 'district' ? street.districtId === t.id : street.cityId === t.id
    if (!mine) throw new AppError('FORBIDDEN', NOT_YOURS)
    place = { streetId: street.id, districtId: null }
  } else if (input.districtId) {
    const district = await deps.store.departments.district(input.districtId)
    if (!district) throw new AppError('INVALID_INPUT', '区不存在', [{ path: 'districtId', message: '区不存在' }])
    const mine = t.tier === 'district' ? district.id === t.id : t.tier === 'city' ? district.cityId === t.id : false
    if (!mine) throw new AppError('FORBIDDEN', NOT_YOURS)
    place = { streetId: null, districtId: district.id }
  } else if (t.tier === 'city') {
    throw new AppError('INVALID_INPUT', '请选择部门服务的区或街道', [{ path: 'districtId', message: '请选择部门服务的区或街道' }])
  } else {
    place = t.tier === 'street' ? { streetId: t.id, districtId: null } : { streetId: null, districtId: t.id }
  }
  const at = deps.clock.now().toISOString()
  const id = deps.ids.newId()
  const out = await deps.store.departments.create(
    { id, name: input.name, ...place, categories: input.categories, createdAt: at, createdBy: user.id },
    { at, actorId: user.id, action: 'department.create', targetType: 'department', targetId: id, communityId: null, detail: { name: input.name } },
    idempotencyKey(ctx, 'department.create', input),
  )
  if (out.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (out.kind === 'nameTaken') throw new AppError('CONFLICT', NAME_TAKEN)
  const counts = await deps.store.departments.counts([out.department.id], at)
  return toDepartmentView(out.department, counts.get(out.department.id), true)
}
