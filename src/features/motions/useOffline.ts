import { useCallback, useEffect, useRef, useState } from 'react'
import type { Choice, MotionView } from '@/domain/motions'
import type { MemberView } from '@/domain/members'
import { callApi } from '@/services/api'
import { toApiError } from '@/services/apiError'
import { usePagedList } from '../common/usePagedList'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { emitMotionEvent } from './events'
import { forgetReceipt, recoverKept, sendWithReceipt } from './receipts'

export interface Recorded {
  code: string
  /** found again after a lost reply (ALREADY_VOTED, then verified as counted): 这一票已录入 */
  recovered: boolean
}

/**
 * 录入线下表决 (committee): find the resident (member.list: every resident of the community, roster-only ones
 * registered for people without a smartphone included; by name, household address or phone digits, each shown
 * with their address so namesakes differ), then record their choice with a receipt this phone made and kept
 * (under the user, motion and resident) before sending. A lost reply at a meeting loses nothing: the retry's
 * ALREADY_VOTED is followed by motion.verifyReceipt with the kept receipt (counted → shown again); otherwise the
 * person (household) voted elsewhere and the screen says so. The receipt is deleted once seen.
 */
export function useOffline(motionId: string) {
  const motion = useRemote<MotionView>(`motion-offline:${motionId}`, () => callApi('motion.get', { id: motionId }))
  const [query, setQuery] = useState('')
  const q = query.trim()
  const people = usePagedList<MemberView>(`offline-people:${q}`, (cursor) =>
    callApi('member.list', { role: 'resident', ...(q ? { query: q } : {}), limit: 20, ...(cursor ? { cursor } : {}) }),
  )
  /** ALREADY_VOTED with a kept receipt that could not be checked now: why (it stays kept for the next try) */
  const [unchecked, setUnchecked] = useState<string | null>(null)
  const shown = useRef<string | null>(null)

  const record = useSubmit<{ id: string; residentId: string; choice: Choice }, Recorded>(async (input, requestId) => {
    setUnchecked(null)
    try {
      const r = await sendWithReceipt(input.id, input.residentId, (rc) => callApi('motion.recordOffline', { ...input, ...rc }, { requestId }))
      return { code: r.receipt, recovered: false }
    } catch (e) {
      const err = toApiError(e)
      if (err.code !== 'ALREADY_VOTED') throw err
      const found = await recoverKept(input.id, input.residentId)
      if (found.kind === 'counted') return { code: found.receipt, recovered: true }
      if (found.kind === 'unchecked') setUnchecked(found.error.message)
      throw err
    }
  })
  const { clearError } = record
  const submit = async (residentId: string, choice: Choice) => {
    const sent = await record.submit({ id: motionId, residentId, choice })
    if (sent.ok) {
      shown.current = residentId
      emitMotionEvent({ type: 'voted', id: motionId })
      void motion.reload({ silent: true })
    }
    return sent
  }

  /** 登记下一位 (or 换一位): a receipt seen on screen leaves this phone. */
  const done = useCallback(() => {
    if (shown.current) forgetReceipt(motionId, shown.current)
    shown.current = null
    setUnchecked(null)
    clearError()
  }, [motionId, clearError])

  // leaving the page once a receipt was seen deletes it
  useEffect(
    () => () => {
      if (shown.current) forgetReceipt(motionId, shown.current)
    },
    [motionId],
  )

  return { motion, query, setQuery, people, submit, submitting: record.submitting, error: record.error, unchecked, done }
}
