import { useState } from 'react'
import type { Choice, MotionView } from '@/domain/motion'
import type { MemberView } from '@/domain/residents'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { emitMotionEvent } from './events'

/**
 * 录入线下表决 (committee): find the resident (member.list: every resident of the community, roster-only ones
 * registered for people without a smartphone included; by name, household address or phone digits, each shown
 * with their address so namesakes differ), then record their choice. A person (household) who already voted is
 * refused by the server (ALREADY_VOTED), shown as such by the screen.
 */
export function useOffline(motionId: string) {
  const motion = useRemote<MotionView>(`motion-offline:${motionId}`, () => callApi('motion.get', { id: motionId }))
  const [query, setQuery] = useState('')
  const q = query.trim()
  const people = usePagedList<MemberView>(`offline-people:${q}`, (cursor) =>
    callApi('member.list', { role: 'resident', ...(q ? { query: q } : {}), limit: 20, ...(cursor ? { cursor } : {}) }),
  )
  const record = useSubmit<{ id: string; residentId: string; choice: Choice }, { receipt: string }>((input, requestId) =>
    callApi('motion.recordOffline', input, { requestId }),
  )
  const submit = async (residentId: string, choice: Choice) => {
    const sent = await record.submit({ id: motionId, residentId, choice })
    if (sent.ok) {
      emitMotionEvent({ type: 'voted', id: motionId })
      void motion.reload({ silent: true })
    }
    return sent
  }
  return { motion, query, setQuery, people, submit, submitting: record.submitting, error: record.error, clearError: record.clearError }
}
