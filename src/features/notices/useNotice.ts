import { useCallback, useRef, useState } from 'react'
import type { Notice } from '@/domain/notices'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { newRequestId } from '@/services/requestId'
import { useRemote, type Remote } from '../common/useRemote'
import { emitNoticeEvent } from './events'

export interface NoticeDetail extends Remote<Notice> {
  notice: Notice | null
  confirming: boolean
  confirmError: ApiError | null
  /** 已知晓: resolves true when recorded */
  confirm: () => Promise<boolean>
  withdrawing: boolean
  withdrawError: ApiError | null
  /** committee: take the notice down; resolves true when done */
  withdraw: () => Promise<boolean>
}

/** One notice: `notice.get` (which records the read), then confirm or withdraw it. */
export function useNotice(id: string | undefined): NoticeDetail {
  const remote = useRemote<Notice>(id ? `notice:${id}` : null, async () => {
    const notice = await callApi('notice.get', { id: id as string })
    emitNoticeEvent({ type: 'read', id: notice.id })
    return notice
  })
  const { setData } = remote

  const [confirming, setConfirming] = useState(false)
  const [confirmError, setConfirmError] = useState<ApiError | null>(null)
  const [withdrawing, setWithdrawing] = useState(false)
  const [withdrawError, setWithdrawError] = useState<ApiError | null>(null)
  // One id per intent: a retry after a failure re-sends the same one, so the server counts it once.
  const confirmRequest = useRef<string | null>(null)
  const withdrawRequest = useRef<string | null>(null)

  const confirm = useCallback(async () => {
    if (!id || confirming) return false
    confirmRequest.current ??= newRequestId()
    setConfirming(true)
    setConfirmError(null)
    try {
      const { confirmedAt } = await callApi('notice.confirm', { id }, { requestId: confirmRequest.current })
      confirmRequest.current = null
      setData((n) => (n ? { ...n, read: true, confirmed: true, confirmedAt, canConfirm: false } : n))
      emitNoticeEvent({ type: 'confirmed', id, confirmedAt })
      return true
    } catch (e) {
      setConfirmError(toApiError(e))
      return false
    } finally {
      setConfirming(false)
    }
  }, [id, confirming, setData])

  const withdraw = useCallback(async () => {
    if (!id || withdrawing) return false
    withdrawRequest.current ??= newRequestId()
    setWithdrawing(true)
    setWithdrawError(null)
    try {
      await callApi('notice.withdraw', { id }, { requestId: withdrawRequest.current })
      withdrawRequest.current = null
      setData((n) => (n ? { ...n, state: 'withdrawn' } : n))
      emitNoticeEvent({ type: 'withdrawn', id })
      return true
    } catch (e) {
      setWithdrawError(toApiError(e))
      return false
    } finally {
      setWithdrawing(false)
    }
  }, [id, withdrawing, setData])

  return {
    ...remote,
    notice: remote.data,
    confirming,
    confirmError,
    confirm,
    withdrawing,
    withdrawError,
    withdraw,
  }
}
