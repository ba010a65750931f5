import type { Me } from '@/domain/auth'
import type { HouseholdView, ResidentRegisterInput } from '@/domain/residents'
import type { MemberView } from '@/domain/members'
import { residentRegisterSchema } from '@/domain/residents'
import { callApi } from '@/services/api'
import { hasRole } from '@/features/auth'
import { issuesToErrors, detailsToErrors, type FieldErrors } from '../common/formErrors'
import { usePagedList } from '../common/usePagedList'
import { useSubmit } from '../common/useSubmit'

export const HOUSEHOLD_PAGE = 20

/** Who may open which workspace page: the committee all of them, a grid worker the household list of their grids. */
export function workspaceAccess(me: Pick<Me, 'roles'> | null): 'committee' | 'gridWorker' | 'none' {
  if (hasRole(me, 'committee')) return 'committee'
  if (hasRole(me, 'gridWorker')) return 'gridWorker'
  return 'none'
}

/** The roster by grid ('' = every grid the caller may see), paged by cursor. */
export function useHouseholds(gridId: string) {
  return usePagedList<HouseholdView>(`households:${gridId}`, (cursor) =>
    callApi('household.list', {
      ...(gridId ? { gridId } : {}),
      ...(cursor ? { cursor } : {}),
      limit: HOUSEHOLD_PAGE,
    }),
  )
}

type RegisterField = 'name' | 'phone'
const REGISTER_FIELDS: readonly RegisterField[] = ['name', 'phone']

/** 登记无智能手机住户: a roster-only resident of one household (committee). */
export function useRegisterResident() {
  const { submit, submitting, error, clearError } = useSubmit<ResidentRegisterInput, MemberView>((input, requestId) =>
    callApi('resident.register', input, { requestId }),
  )
  const register = async (
    householdId: string,
    name: string,
    phone: string,
  ): Promise<{ member: MemberView | null; errors: FieldErrors<RegisterField> }> => {
    const raw: Record<string, unknown> = { householdId, name }
    if (phone.trim()) raw.phone = phone
    const parsed = residentRegisterSchema.safeParse(raw)
    if (!parsed.success) return { member: null, errors: issuesToErrors(parsed.error.issues, REGISTER_FIELDS) }
    const sent = await submit(parsed.data)
    if (sent.ok) return { member: sent.data, errors: {} }
    return {
      member: null,
      errors: sent.error?.code === 'INVALID_INPUT' ? detailsToErrors(sent.error.details, REGISTER_FIELDS) : {},
    }
  }
  return { register, submitting, error, clearError }
}

export type MemberRoleFilter = '' | 'resident' | 'volunteer' | 'gridWorker' | 'committee'

/** People of the community, by role and a name/phone search. */
export function useMembers(role: MemberRoleFilter, query: string) {
  const q = query.trim()
  return usePagedList<MemberView>(`members:${role}:${q}`, (cursor) =>
    callApi('member.list', {
      ...(role ? { role } : {}),
      ...(q ? { query: q } : {}),
      ...(cursor ? { cursor } : {}),
      limit: 20,
    }),
  )
}

/** 分配网格: the person becomes 网格员 of these grids ([] takes the role away). */
export function useAssignGrids() {
  const { submit, submitting, error, clearError } = useSubmit<{ userId: string; gridIds: string[] }, MemberView>(
    (input, requestId) => callApi('member.assignGrids', input, { requestId }),
  )
  return { assign: submit, submitting, error, clearError }
}
