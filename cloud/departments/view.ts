import type { DepartmentView } from '@/domain/departments'
import { workdaysBetween } from '@/domain/departments'
import type { DepartmentCounts, DepartmentRecord } from './ports'
import { emptyStats } from './stats'

/** A department as the caller sees it: its staff's names only for those who manage it. */
export function toDepartmentView(d: DepartmentRecord, counts: DepartmentCounts | undefined, showMembers: boolean): DepartmentView {
  return {
    id: d.id,
    name: d.name,
    area: d.streetId ? { tier: 'street', id: d.streetId, name: d.areaName } : { tier: 'district', id: d.districtId ?? '', name: d.areaName },
    categories: d.categories,
    members: showMembers ? d.members : [],
    stats: counts ? statsOf(counts) : emptyStats(),
  }
}

function statsOf(c: DepartmentCounts): DepartmentView['stats'] {
  const days = c.resolvedSpans.map((s) => workdaysBetween(s.from, s.to))
  return {
    dispatched: c.dispatched,
    onTime: c.onTime,
    late: c.late,
    returned: c.returned,
    overdueNow: c.overdueNow,
    open: c.open,
    averageWorkdays: days.length > 0 ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
  }
}
