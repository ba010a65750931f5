import { useCallback, useEffect, useRef, useState } from 'react'
import type { Choice, MotionView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { toApiError } from '@/services/apiError'
import { forgetReceipt, keptReceipt, recoverKept, sendWithReceipt } from './receipts'

export interface ShownReceipt {
  code: string
  /** found again after a lost reply (ALREADY_VOTED, then verified as counted) */
  recovered: boolean
}

function elsewhere(m: MotionView | null): string {
  return m?.eligibility === 'households'
    ? '本户已经投过票，但不是在这台手机上投的（可能是家人在另一台设备上投的，或由社区/村委会在线下登记），这里无法显示回执码。'
    : '您已经投过票，但不是在这台手机上投的（可能在另一台设备上投出，或由社区/村委会在线下登记），这里无法显示回执码。'
}

/**
 * The receipt of this person's cast: made and kept on the device before sending, shown after success, found
 * again after a lost reply (ALREADY_VOTED or a later visit: motion.verifyReceipt says counted, never the
 * choice before close). It stays on the phone until the person taps 我已记下 — leaving the page keeps it, so
 * opening the motion again shows it again, as the receipt card says (a page can be left without an unmount:
 * the app killed, the browser reloaded; a rule that held only sometimes could not be said truthfully).
 */
export function useCastReceipt(id: string | null, motion: MotionView | null) {
  const [shown, setShown] = useState<ShownReceipt | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const shownRef = useRef<string | null>(null)
  const recovering = useRef(false)
  const motionRef = useRef(motion)
  motionRef.current = motion

  const show = useCallback((s: ShownReceipt | null) => {
    shownRef.current = s?.code ?? null
    setShown(s)
  }, [])

  /** After ALREADY_VOTED (or on a visit once voted): is the kept receipt the one counted? */
  const recover = useCallback(async (): Promise<ShownReceipt | null> => {
    if (!id || recovering.current) return null
    recovering.current = true
    try {
      const r = await recoverKept(id)
      if (r.kind === 'counted') {
        const s = { code: r.receipt, recovered: true }
        setNote(null)
        show(s)
        return s
      }
      if (r.kind === 'notKept') {
        const who = motionRef.current?.eligibility === 'households' ? '本户' : '您'
        setNote(`${who}已经投过票，这一票已经计入。这台手机上没有保存这一票的回执码，无法在这里显示。`)
      } else if (r.kind === 'elsewhere') setNote(elsewhere(motionRef.current))
      else setNote(`您的票已经计入。回执码还保存在这台手机上，但暂时没能核对（${r.error.message}），请稍后重新打开本页查看。`)
      return null
    } finally {
      recovering.current = false
    }
  }, [id, show])

  /** One cast with the device's receipt (the kept one if an earlier attempt's reply was lost). */
  const send = useCallback(
    async (choice: Choice): Promise<ShownReceipt> => {
      const motionId = id as string
      setNote(null)
      try {
        const reply = await sendWithReceipt(motionId, undefined, (r) => callApi('motion.cast', { id: motionId, choice, ...r }))
        const s = { code: reply.receipt, recovered: false }
        show(s)
        return s
      } catch (e) {
        const err = toApiError(e)
        if (err.code === 'ALREADY_VOTED') {
          const found = await recover()
          if (found) return found
        }
        throw err
      }
    },
    [id, recover, show],
  )

  /** 我已记下: the receipt is gone from this device. */
  const dismiss = useCallback(() => {
    if (id) forgetReceipt(id)
    show(null)
  }, [id, show])

  // a visit after a lost reply: voted, and a receipt still kept here → find it again
  const voted = motion?.me.voted ?? false
  const status = motion?.status
  useEffect(() => {
    if (!id || !status || shownRef.current || !keptReceipt(id)) return
    if (voted) void recover()
    else if (status === 'closed') forgetReceipt(id) // closed without this vote: nothing to find
  }, [id, voted, status, recover])

  return { receipt: shown, note, send, dismiss }
}
