import type { DepartmentStats } from '@/domain/departments'

export const emptyStats = (): DepartmentStats => ({ dispatched: 0, onTime: 0, late: 0, returned: 0, overdueNow: 0, open: 0, averageWorkdays: null })
