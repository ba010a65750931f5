/** The public entry of departments (联动): the store's repository type. */
export type { DepartmentRepo, DepartmentsStore } from './ports'
