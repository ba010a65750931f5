import { DEPARTMENT_CANDIDATES_MAX, type departmentCandidatesSchema, type DepartmentCandidateView } from '@/domain/departments'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { managedDepartment } from './access'

type Input = z.output<typeof departmentCandidatesSchema>

/**
 * department.candidates — for the street, district and city staff who manage the department: the people of its
 * area that department.addMember would accept, found by a name part or phone digits, to tap and add (no one has
 * to know a 用户编号). Names in full (the area's own staff ask), phones only by their last 4 digits.
 */
export async function listCandidates(input: Input, ctx: UserCtx): Promise<{ items: DepartmentCandidateView[] }> {
  const { deps, user } = ctx
  const dept = await managedDepartment(deps, user, input.departmentId)
  const found = await deps.store.departments.candidates(
    { streetId: dept.streetId, districtId: dept.districtId },
    input.query,
    DEPARTMENT_CANDIDATES_MAX,
  )
  return {
    items: found.map((c) => ({
      id: c.id,
      name: c.name,
      phoneTail: c.phone && c.phone.length >= 4 ? c.phone.slice(-4) : null,
      communityName: c.communityName,
    })),
  }
}
