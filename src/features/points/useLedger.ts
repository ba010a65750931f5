import { useCallback, useState } from 'react'
import type { PointsEntryView, PointsLedgerPage } from '@/domain/points'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { useSubmit } from '../common/useSubmit'

/** A ledger (mine, or a named person's for the committee) with the balance, paged; the committee's 冲正. */
export function useLedger(userId?: string) {
  const [head, setHead] = useState<{ balance: number; name: string } | null>(null)
  const list = usePagedList<PointsEntryView, PointsLedgerPage>(
    `ledger:${userId ?? 'me'}`,
    (cursor) => callApi('points.ledger', { ...(userId ? { userId } : {}), ...(cursor ? { cursor } : {}) }),
    (page) => setHead({ balance: page.balance, name: page.name }),
  )
  const reversal = useSubmit((input: { entryId: string; reason: string }, requestId: string) => callApi('points.reverse', input, { requestId }))
  const { refresh } = list
  const reverse = useCallback(
    async (entryId: string, reason: string): Promise<boolean> => {
      const r = await reversal.submit({ entryId, reason })
      if (r.ok) await refresh()
      return r.ok
    },
    [reversal, refresh],
  )
  return { list, balance: head?.balance ?? null, name: head?.name ?? null, reverse, reversing: reversal.submitting, reverseError: reversal.error }
}
