import type { Me } from '@/domain/auth'
import type { CommunityChoice } from '@/domain/community'
import { callApi } from '@/services/api'
import { updateMe } from '@/services/session'
import { usePagedList } from '../common/usePagedList'
import { useSubmit } from '../common/useSubmit'

/** The communities to choose from (选择社区), by a community, street or district name. */
export function useCommunityChoices(query: string) {
  const q = query.trim()
  return usePagedList<CommunityChoice>(`communities:${q}`, (cursor) =>
    callApi('community.list', { ...(q ? { query: q } : {}), ...(cursor ? { cursor } : {}), limit: 20 }),
  )
}

/** 确认选择: the person's community, once; the session's profile follows at once. */
export function useChooseCommunity() {
  const { submit, submitting, error, clearError } = useSubmit<{ communityId: string }, Me>(async (input, requestId) => {
    const me = await callApi('me.chooseCommunity', input, { requestId })
    updateMe(me)
    return me
  })
  return { choose: submit, submitting, error, clearError }
}
