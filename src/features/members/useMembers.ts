import type { MemberView } from '@/domain/members'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { useSubmit } from '../common/useSubmit'

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
