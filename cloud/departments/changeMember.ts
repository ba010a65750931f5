import { AppError } from '@/domain/shared/errors'
import { isStaff } from '@/domain/shared/roles'
import type { departmentMemberSchema, DepartmentView } from '@/domain/departments'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import type { AuditEntry } from '../shared/ports'
import { managedDepartment, servesReport } from './access'
import { toDepartmentView } from './view'

type Input = z.output<typeof departmentMemberSchema>

const audit = (ctx: UserCtx, action: string, input: Input, at: string): AuditEntry => ({
  at,
  actorId: ctx.user.id,
  action,
  targetType: 'user',
  targetId: input.userId,
  communityId: null,
  detail: { departmentId: input.departmentId },
})

/**
 * department.addMember — a street's, district's or city's staff member makes a person of the department's area its
 * staff (role `department`, as member.assignGrids gives 网格员): someone who signed in and chose a community of
 * that area, not staff already, not on behalf of a roster-only resident. One department per person (CONFLICT).
 */
export async function addDepartmentMember(input: Input, ctx: UserCtx): Promise<DepartmentView> {
  const { deps } = ctx
  const dept = await managedDepartment(deps, ctx.user, input.departmentId)
  const target = await deps.store.users.get(input.userId)
  if (!target) throw new AppError('NOT_FOUND', '此人不存在')
  if (!target.streetId || !servesReport(dept, { streetId: target.streetId, districtId: target.districtId })) {
    throw new AppError('FORBIDDEN', '只能添加本辖区的人员')
  }
  if (target.rosterOnly) throw new AppError('CONFLICT', '代登记的住户不使用小程序，不能担任职能部门人员')
  if (isStaff(target.roles)) throw new AppError('CONFLICT', '此人已是网格员或社区、街道等工作人员，不能同时担任职能部门人员')
  const at = deps.clock.now().toISOString()
  const out = await deps.store.departments.addMember(dept.id, target.id, at, audit(ctx, 'department.addMember', input, at))
  if (out.kind !== 'done') throw new AppError('CONFLICT', '此人已是其他职能部门的人员')
  const counts = await deps.store.departments.counts([dept.id], at)
  return toDepartmentView(out.department, counts.get(dept.id), true)
}

/** department.removeMember — the same staff take the role away (reports they accepted keep their history). */
export async function removeDepartmentMember(input: Input, ctx: UserCtx): Promise<DepartmentView> {
  const { deps } = ctx
  const dept = await managedDepartment(deps, ctx.user, input.departmentId)
  const at = deps.clock.now().toISOString()
  const out = await deps.store.departments.removeMember(dept.id, input.userId, audit(ctx, 'department.removeMember', input, at))
  if (out.kind !== 'done') throw new AppError('NOT_FOUND', '此人不是这个部门的人员')
  const counts = await deps.store.departments.counts([dept.id], at)
  return toDepartmentView(out.department, counts.get(dept.id), true)
}
