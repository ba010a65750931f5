import type { HouseholdView, ResidentRegisterInput } from '@/domain/residents'
import type { MemberView } from '@/domain/members'
import { residentRegisterSchema } from '@/domain/residents'
import { callApi } from '@/services/api'
import { issuesToErrors, detailsToErrors, type FieldErrors } from '../common/formErrors'
import { usePagedList } from '../common/usePagedList'
import { useSubmit } from '../common/useSubmit'

export const HOUSEHOLD_PAGE = 20

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
