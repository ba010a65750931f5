import { useCallback } from 'react'
import type { RedemptionView } from '@/domain/points'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { useSubmit } from '../common/useSubmit'

/** Redemptions: the committee's still to hand out (pending), or everyone's own; the committee marks 已领取. */
export function useRedemptions(status: 'pending' | 'all') {
  const list = usePagedList<RedemptionView>(`redemptions:${status}`, (cursor) => callApi('redemption.list', { status, ...(cursor ? { cursor } : {}) }))
  const hand = useSubmit((redemptionId: string, requestId: string) => callApi('redemption.handOver', { redemptionId }, { requestId }))
  const { update, remove } = list
  const handOver = useCallback(
    async (id: string): Promise<boolean> => {
      const r = await hand.submit(id)
      if (r.ok) {
        if (status === 'pending') remove(id)
        else update(id, () => r.data)
      }
      return r.ok
    },
    [hand, remove, update, status],
  )
  return { list, handOver, handing: hand.submitting, handError: hand.error }
}
