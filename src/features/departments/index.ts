// 联动 (issue 17): the department's queue and the departments' management.
export { useDepartmentQueue } from './useDepartmentQueue'
export { useDepartments } from './useDepartments'
export { DepartmentQueueScreen } from './ui/DepartmentQueueScreen'
export { DepartmentsScreen } from './ui/DepartmentsScreen'
