import type { NoticeUnconfirmedItem } from '@/domain/notices'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'

export const UNCONFIRMED_PAGE_SIZE = 20

/**
 * Who has not confirmed an important notice (notice.unconfirmed), all grids or one: people of the audience and
 * roster households nobody there uses the app for, in grid and address order, paged by cursor.
 */
export function useUnconfirmed(id: string | undefined, gridId: string | null, { enabled = true } = {}) {
  return usePagedList<NoticeUnconfirmedItem>(enabled && id ? `unconfirmed:${id}:${gridId ?? ''}` : null, (cursor) =>
    callApi('notice.unconfirmed', {
      id: id as string,
      limit: UNCONFIRMED_PAGE_SIZE,
      ...(gridId ? { gridId } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  )
}
