import { departmentsContract } from '@/domain/departments/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { listCandidates } from './listCandidates'
import { addDepartmentMember, removeDepartmentMember } from './changeMember'
import { createDepartment } from './createDepartment'
import { dispatchReport } from './dispatchReport'
import { listDepartments } from './listDepartments'
import { viewDepartmentQueue } from './viewDepartmentQueue'

export const departmentsHandlers: Handlers<typeof departmentsContract, Deps> = {
  'department.create': createDepartment,
  'department.list': listDepartments,
  'department.addMember': addDepartmentMember,
  'department.candidates': listCandidates,
  'department.removeMember': removeDepartmentMember,
  'department.queue': viewDepartmentQueue,
  'report.dispatch': dispatchReport,
}
