import { read, write } from '../shared/contract'
import type { ReportListPage, ReportView } from '../reports'
import {
  departmentCandidatesSchema,
  departmentCreateSchema,
  departmentListSchema,
  departmentMemberSchema,
  departmentQueueSchema,
  reportDispatchSchema,
  type DepartmentCandidateView,
  type DepartmentView,
} from '.'

/** 联动: functional departments, their staff and queue, and 交办 (the department's own steps: report.transition). */
export const departmentsContract = {
  'department.create': write(departmentCreateSchema).returns<DepartmentView>(),
  'department.list': read(departmentListSchema).returns<{ items: DepartmentView[] }>(),
  'department.addMember': write(departmentMemberSchema).returns<DepartmentView>(),
  'department.candidates': read(departmentCandidatesSchema).returns<{ items: DepartmentCandidateView[] }>(),
  'department.removeMember': write(departmentMemberSchema).returns<DepartmentView>(),
  'department.queue': read(departmentQueueSchema).returns<ReportListPage>(),
  'report.dispatch': write(reportDispatchSchema).returns<ReportView>(),
}
