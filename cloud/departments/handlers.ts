import { departmentsContract } from '@/domain/departments/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { addDepartmentMember, removeDepartmentMember } from './changeMember'
import { createDepartment } from './createDepartment'
import { dispatchReport } from './dispatchReport'
import { listDepartments } from './listDepartments'
import { viewDepartmentQueue } from './viewDepartmentQueue'

export const departmentsHandlers: Handlers<typeof departmentsContract, Deps> = {
  'department.create': createDepartment,
  'department.list': listDepartments,
  'department.addMember': addDepartmentMember,
  'department.removeMember': removeDepartmentMember,
  'department.queue': viewDepartmentQueue,
  'report.dispatch': dispatchReport,
}
