import type { NoticeStats } from '@/domain/notices'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'

/** Read and confirmation figures of one notice, whole audience and per grid (committee). */
export function useNoticeStats(id: string | undefined) {
  const remote = useRemote<NoticeStats>(id ? `stats:${id}` : null, () => callApi('notice.stats', { id: id as string }))
  return { ...remote, stats: remote.data }
}
