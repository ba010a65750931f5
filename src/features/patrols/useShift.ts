import { useCallback, useEffect, useRef, useState } from 'react'
import { shiftCancelSchema, type ShiftDetail } from '@/domain/patrols'
import { callApi } from '@/services/api'
import { isRetryable, toApiError, type ApiError } from '@/services/apiError'
import { newRequestId } from '@/services/requestId'
import { useRemote } from '../common/useRemote'
import { LocationError, takePosition } from '@/features/media'
import { emitShiftEvent, onShiftEvent } from './events'
import { hoursText } from './format'
import { checkinRefusal, locationRefusal, type Refusal } from './refusals'

export type ShiftAction = 'signup' | 'withdraw' | 'checkin' | 'checkout' | 'log' | 'cancel'
export type Done = { ok: true; message: string } | { ok: false; message: string }

/** One shift (with its roster) and what the caller does on it; every write is followed by a fresh view. */
export function useShift(id: string | null) {
  const remote = useRemote<ShiftDetail>(id ? `shift:${id}` : null, () => callApi('shift.get', { id: id as string }))
  const { reload } = remote
  const [busy, setBusy] = useState<ShiftAction | null>(null)
  const [error, setError] = useState<{ action: ShiftAction; error: ApiError } | null>(null)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const busyRef = useRef(false)
  const attempt = useRef<{ key: string; id: string } | null>(null)

  useEffect(
    () =>
      onShiftEvent((e) => {
        if (e.type === 'changed' && e.id === id) void reload({ silent: true })
      }),
    [id, reload],
  )

  const requestIdFor = (key: string) => {
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, id: newRequestId() }
    return attempt.current.id
  }

  const run = useCallback(
    async (action: ShiftAction, send: () => Promise<string>): Promise<Done> => {
      if (busyRef.current || !id) return { ok: false, message: '' }
      busyRef.current = true
      setBusy(action)
      setError(null)
      setRefusal(null)
      setNotice(null)
      try {
        const message = await send()
        attempt.current = null
        setNotice(message)
        emitShiftEvent({ type: 'changed', id })
        return { ok: true, message }
      } catch (e) {
        const err = e instanceof LocationError ? null : toApiError(e)
        if (e instanceof LocationError) {
          if (e.reason !== 'cancelled') setRefusal(locationRefusal(e.reason, process.env.TARO_ENV === 'weapp'))
        } else if (action === 'checkin' && err) {
          setRefusal(checkinRefusal(err))
        } else if (err) {
          setError({ action, error: err })
        }
        // a refusal may come from a view that is out of date (seats taken, the cut-off passed): show the latest
        if (err && !isRetryable(err.code)) void reload({ silent: true })
        return { ok: false, message: err?.message ?? '' }
      } finally {
        busyRef.current = false
        setBusy(null)
      }
    },
    [id, reload],
  )

  const signup = () =>
    run('signup', async () => {
      const r = await callApi('shift.signup', { id: id as string }, { requestId: requestIdFor(`signup:${id}`) })
      return r.status === 'confirmed' ? '报名成功，请按时到岗签到' : `名额已满，您已加入候补，排第 ${r.position} 位`
    })

  const withdraw = () =>
    run('withdraw', async () => {
      await callApi('shift.withdraw', { id: id as string }, { requestId: requestIdFor(`withdraw:${id}`) })
      return '已取消报名'
    })

  /** The server decides the window (a phone's clock may be off): the page only hints when the phone thinks it early. */
  const checkin = () =>
    run('checkin', async () => {
      const p = await takePosition()
      const r = await callApi('shift.checkin', { id: id as string, ...p }, { requestId: requestIdFor(`checkin:${id}`) })
      return `签到成功（离区域中心约 ${r.distance} 米）`
    })

  const checkout = () =>
    run('checkout', async () => {
      const r = await callApi('shift.checkout', { id: id as string }, { requestId: requestIdFor(`checkout:${id}`) })
      return `已签退，本次巡逻 ${hoursText(r.hours)}`
    })

  const log = (note: string) =>
    run('log', async () => {
      const input = { id: id as string, note: note.trim() }
      if (!input.note) throw toApiError({ code: 'INVALID_INPUT', message: '请填写巡逻记录' })
      await callApi('shift.log', input, { requestId: requestIdFor(JSON.stringify(['log', input])) })
      return '已记录'
    })

  const cancel = (reason: string) =>
    run('cancel', async () => {
      const input = { id: id as string, reason }
      const parsed = shiftCancelSchema.safeParse(input)
      if (!parsed.success) throw toApiError({ code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? '请填写取消原因' })
      await callApi('shift.cancel', parsed.data, { requestId: requestIdFor(JSON.stringify(['cancel', parsed.data])) })
      return '已取消这次巡逻，报名的志愿者会收到通知'
    })

  const clear = useCallback(() => {
    setError(null)
    setRefusal(null)
  }, [])

  return { ...remote, busy, actionError: error, refusal, notice, clear, signup, withdraw, checkin, checkout, log, cancel }
}

export type ShiftHandle = ReturnType<typeof useShift>
