import { AppError } from '@/domain/shared/errors'
import type { departmentListSchema, DepartmentView } from '@/domain/departments'
import type { z } from 'zod'
import type { DepartmentRecord, UserCtx } from './ports'
import { areaOfCaller, managesDepartment } from './access'
import { toDepartmentView } from './view'

type Input = z.output<typeof departmentListSchema>

/**
 * department.list — the departments serving the caller's area with their statistics (交办 count, on time, late,
 * returned, overdue now, average working days): for the street, district and city staff who manage them and the
 * committees who dispatch to them (a category narrows it: the 交办 picker). A department's own staff see their
 * department. Members' names only to those who manage it.
 */
export async function listDepartments(input: Input, ctx: UserCtx): Promise<{ items: DepartmentView[] }> {
  const { deps, user } = ctx
  let found: DepartmentRecord[]
  const area = areaOfCaller(user)
  if (area) found = await deps.store.departments.list(area)
  else if (user.roles.includes('department') && user.departmentId) {
    const own = await deps.store.departments.get(user.departmentId)
    found = own ? [own] : []
  } else throw new AppError('FORBIDDEN', '只有社区、街道、区、市的工作人员和职能部门可以查看职能部门')
  if (input.category) found = found.filter((d) => d.categories.includes(input.category!))
  const counts = await deps.store.departments.counts(
    found.map((d) => d.id),
    deps.clock.now().toISOString(),
  )
  return { items: found.slice(0, 100).map((d) => toDepartmentView(d, counts.get(d.id), managesDepartment(user, d))) }
}
