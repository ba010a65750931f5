import type { CommunityView } from '@/domain/community'
import { callApi } from '@/services/api'
import { useSession } from '@/features/auth'
import { useRemote } from '../common/useRemote'

/** The caller's community with its grids (for scope pickers and grid names). */
export function useCommunity() {
  const session = useSession()
  return useRemote<CommunityView>(session ? `community:${session.user.communityId ?? ''}` : null, () =>
    callApi('community.get', {}),
  )
}
