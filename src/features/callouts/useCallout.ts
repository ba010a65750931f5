import { useCallback, useRef, useState } from 'react'
import { calloutCloseSchema, type CalloutAnswer, type CalloutDetail } from '@/domain/callouts'
import { callApi } from '@/services/api'
import { isRetryable, toApiError, type ApiError } from '@/services/apiError'
import { newRequestId } from '@/services/requestId'
import { LocationError, LOCATION_FAILURE_TEXT, takePosition } from '@/features/media'
import { useRemote } from '../common/useRemote'

export type CalloutAction = 'answer' | 'checkin' | 'close' | 'extend'

/** One call-out and what the caller does on it (answer, 报到; the committee: close early, extend); each write reloads it. */
export function useCallout(id: string | null) {
  const remote = useRemote<CalloutDetail>(id ? `callout:${id}` : null, () => callApi('callout.get', { id: id as string }))
  const { reload } = remote
  const [busy, setBusy] = useState<CalloutAction | null>(null)
  const [error, setError] = useState<{ action: CalloutAction; error: ApiError } | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const busyRef = useRef(false)
  const attempt = useRef<{ key: string; id: string } | null>(null)
  const requestIdFor = (key: string) => {
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, id: newRequestId() }
    return attempt.current.id
  }

  const run = useCallback(
    async (action: CalloutAction, send: () => Promise<string>): Promise<boolean> => {
      if (busyRef.current || !id) return false
      busyRef.current = true
      setBusy(action)
      setError(null)
      setNotice(null)
      try {
        setNotice(await send())
        attempt.current = null
        void reload({ silent: true })
        return true
      } catch (e) {
        if (e instanceof LocationError) {
          if (e.reason !== 'cancelled') setError({ action, error: toApiError({ code: 'INVALID_INPUT', message: LOCATION_FAILURE_TEXT[e.reason] }) })
          return false
        }
        const err = toApiError(e)
        setError({ action, error: err })
        if (!isRetryable(err.code)) void reload({ silent: true })
        return false
      } finally {
        busyRef.current = false
        setBusy(null)
      }
    },
    [id, reload],
  )

  const answer = (a: CalloutAnswer, taskId?: string) =>
    run('answer', async () => {
      const input = { id: id as string, answer: a, ...(a === 'yes' ? { taskId } : {}) }
      await callApi('callout.answer', input, { requestId: requestIdFor(JSON.stringify(['answer', input])) })
      return a === 'yes' ? '已回复能来，请按时到集合地点报到' : '已回复来不了，谢谢告知'
    })

  const checkin = () =>
    run('checkin', async () => {
      const p = await takePosition()
      const r = await callApi('callout.checkin', { id: id as string, ...p }, { requestId: requestIdFor(`checkin:${id}`) })
      return `报到成功（离报到点约 ${r.distance} 米）`
    })

  const close = (reason: string) =>
    run('close', async () => {
      const parsed = calloutCloseSchema.safeParse({ id, reason })
      if (!parsed.success) throw toApiError({ code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? '请填写原因' })
      await callApi('callout.close', parsed.data, { requestId: requestIdFor(JSON.stringify(['close', parsed.data])) })
      return '已提前结束，报名的人会收到通知'
    })

  const extend = (endAt: string) =>
    run('extend', async () => {
      await callApi('callout.extend', { id: id as string, endAt }, { requestId: requestIdFor(`extend:${endAt}`) })
      return '已延长，报名的人会收到通知'
    })

  return { ...remote, busy, actionError: error, notice, answer, checkin, close, extend }
}

export type CalloutHandle = ReturnType<typeof useCallout>
