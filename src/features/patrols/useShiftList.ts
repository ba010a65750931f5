import { useCallback, useEffect, useRef, useState } from 'react'
import type { ShiftListPage, ShiftView } from '@/domain/patrols'
import { callApi } from '@/services/api'
import { isRetryable, toApiError } from '@/services/apiError'
import { newRequestId } from '@/services/requestId'
import { usePagedList, type PagedList } from '../common/usePagedList'
import { emitShiftEvent, onShiftEvent } from './events'

export const SHIFT_PAGE = 30

/** The 巡逻 tab: the community's shifts not yet ended, soonest first, paged by cursor; follows changes made elsewhere. */
export function useShiftList(enabled = true): PagedList<ShiftView> {
  const list = usePagedList<ShiftView, ShiftListPage>(enabled ? 'shifts:upcoming' : null, (cursor) =>
    callApi('shift.list', { limit: SHIFT_PAGE, ...(cursor ? { cursor } : {}) }),
  )
  const { refresh } = list
  useEffect(() => onShiftEvent(() => void refresh()), [refresh])
  return list
}

/**
 * How many shifts the 巡逻 tab lists (not yet ended): the same shift.list, one page of up to 100 (more: "100+").
 * The desks show it beside their link to the tab.
 */
export async function countUpcomingShifts(): Promise<{ n: number; more: boolean }> {
  const page = await callApi('shift.list', { limit: 100 })
  return { n: page.items.length, more: page.nextCursor !== null }
}

/** 报名 straight from the list: one at a time, the answer said on the card, then the list fetches again. */
export function useListSignup() {
  const [busyId, setBusyId] = useState<string | null>(null)
  const [result, setResult] = useState<{ id: string; ok: boolean; message: string } | null>(null)
  const busy = useRef(false)
  const attempt = useRef<{ id: string; requestId: string } | null>(null)
  const signup = useCallback(async (id: string) => {
    if (busy.current) return
    busy.current = true
    setBusyId(id)
    setResult(null)
    if (attempt.current?.id !== id) attempt.current = { id, requestId: newRequestId() }
    try {
      const r = await callApi('shift.signup', { id }, { requestId: attempt.current.requestId })
      attempt.current = null
      setResult({ id, ok: true, message: r.status === 'confirmed' ? '报名成功' : `已加入候补，排第 ${r.position} 位` })
      emitShiftEvent({ type: 'changed', id })
    } catch (e) {
      const err = toApiError(e)
      setResult({ id, ok: false, message: err.message })
      if (!isRetryable(err.code)) emitShiftEvent({ type: 'changed', id })
    } finally {
      busy.current = false
      setBusyId(null)
    }
  }, [])
  return { busyId, result, signup }
}
