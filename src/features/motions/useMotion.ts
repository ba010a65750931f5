import { useCallback, useEffect, useRef, useState } from 'react'
import { motionCommentSchema, motionReplySchema, motionSignOffRiskSchema, type Choice, type MotionCommentView, type MotionView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { newRequestId } from '@/services/requestId'
import { useRemote } from '../common/useRemote'
import { emitMotionEvent, onMotionEvent } from './events'
import { useCastReceipt, type ShownReceipt } from './useCastReceipt'

export type MotionAction = 'advance' | 'comment' | 'reply' | 'cast' | 'signOff'
export type Done<T = undefined> = { ok: true; value: T } | { ok: false; message: string; code?: string }

/**
 * One motion as the caller may see it, and what they may do to it: comment, reply (committee), advance
 * (committee), cast. Each write keeps its requestId while the same input is re-sent; a failure says why in
 * Chinese and keeps what was typed.
 */
export function useMotion(id: string | null) {
  const remote = useRemote<MotionView>(id ? `motion:${id}` : null, () => callApi('motion.get', { id: id as string }))
  const { setData, reload } = remote
  const [busy, setBusy] = useState<MotionAction | null>(null)
  const [error, setError] = useState<{ action: MotionAction; error: ApiError } | null>(null)
  const busyRef = useRef(false)
  // saved on the edit page (or a vote recorded offline): show the newer motion here too
  useEffect(
    () =>
      onMotionEvent((e) => {
        if (e.type === 'changed' && e.motion.id === id) setData(() => e.motion)
        if (e.type === 'voted' && e.id === id) void reload({ silent: true })
      }),
    [id, setData, reload],
  )
  const attempt = useRef<{ key: string; id: string } | null>(null)
  const receipts = useCastReceipt(id, remote.data ?? null)

  const requestIdFor = (key: string) => {
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, id: newRequestId() }
    return attempt.current.id
  }

  const run = useCallback(async <T>(action: MotionAction, send: () => Promise<T>): Promise<Done<T>> => {
    if (busyRef.current) return { ok: false, message: '' }
    busyRef.current = true
    setBusy(action)
    setError(null)
    try {
      const value = await send()
      attempt.current = null
      return { ok: true, value }
    } catch (e) {
      const err = toApiError(e)
      setError({ action, error: err })
      return { ok: false, message: err.message, code: err.code }
    } finally {
      busyRef.current = false
      setBusy(null)
    }
  }, [])

  const refuse = (action: MotionAction, message: string): Done<never> => {
    setError({ action, error: toApiError({ code: 'INVALID_INPUT', message }) })
    return { ok: false, message }
  }

  const replace = useCallback(
    (m: MotionView) => {
      setData(() => m)
      emitMotionEvent({ type: 'changed', motion: m })
    },
    [setData],
  )

  /**
   * 发布征求意见 / 开始表决 / 结束表决: one phase on from the phase shown (`from`), so a retry after a lost reply
   * is answered with the step already taken, never a second step. Refused (the motion moved on): read it again.
   */
  const advance = async () => {
    const from = remote.data?.status
    if (!from) return refuse('advance', '议题还在加载，请稍后再试')
    const done = await run('advance', async () => {
      const m = await callApi('motion.advance', { id: id as string, from }, { requestId: requestIdFor(`advance:${from}`) })
      replace(m)
    })
    if (!done.ok && done.code === 'CONFLICT') void reload({ silent: true })
    return done
  }

  /** A comment on the whole motion (articleIndex null) or one article. */
  const comment = async (articleIndex: number | null, text: string): Promise<Done<MotionCommentView>> => {
    const input = { id: id as string, text, ...(articleIndex === null ? {} : { articleIndex }) }
    const parsed = motionCommentSchema.safeParse(input)
    if (!parsed.success) return refuse('comment', parsed.error.issues[0]?.message ?? '请检查填写的意见')
    const done = await run('comment', () => callApi('motion.comment', parsed.data, { requestId: requestIdFor(JSON.stringify(['comment', input])) }))
    if (done.ok) setData((m) => (m ? { ...m, comments: [...m.comments, done.value] } : m))
    return done
  }

  const reply = async (commentId: string, text: string): Promise<Done<MotionCommentView>> => {
    const parsed = motionReplySchema.safeParse({ commentId, text })
    if (!parsed.success) return refuse('reply', parsed.error.issues[0]?.message ?? '请填写回复')
    const done = await run('reply', () => callApi('motion.reply', parsed.data, { requestId: requestIdFor(JSON.stringify(['reply', parsed.data])) }))
    if (done.ok) setData((m) => (m ? { ...m, comments: m.comments.map((c) => (c.id === commentId ? done.value : c)) } : m))
    return done
  }

  /**
   * Casts once → the receipt, made and kept on this device before sending (useCastReceipt), shown until the
   * person has seen it; after a lost reply the retry's ALREADY_VOTED finds it again. The motion is then read again.
   */
  const cast = async (choice: Choice): Promise<Done<ShownReceipt>> => {
    const done = await run('cast', () => receipts.send(choice))
    if (done.ok || done.code === 'ALREADY_VOTED') {
      emitMotionEvent({ type: 'voted', id: id as string })
      void reload({ silent: true })
    }
    return done
  }

  /** The street's answer to a 高 稳评, on the revision shown (a newer filing is refused: read it again). */
  const signOffRisk = async (decision: 'approved' | 'returned', note: string): Promise<Done<void>> => {
    const rev = remote.data?.risk.full?.rev
    if (!rev) return refuse('signOff', '稳评还在加载，请稍后再试')
    const parsed = motionSignOffRiskSchema.safeParse({ id, rev, decision, ...(note.trim() ? { note } : {}) })
    if (!parsed.success) return refuse('signOff', parsed.error.issues[0]?.message ?? '请检查审核意见')
    const done = await run('signOff', async () => {
      replace(await callApi('motion.signOffRisk', parsed.data, { requestId: requestIdFor(JSON.stringify(['signOff', parsed.data])) }))
    })
    if (!done.ok && done.code === 'CONFLICT') void reload({ silent: true })
    return done
  }

  const clearError = useCallback(() => setError(null), [])
  const errorFor = (a: MotionAction) => (error?.action === a ? error.error : null)

  return {
    ...remote,
    replace,
    busy,
    errorFor,
    clearError,
    advance,
    comment,
    reply,
    cast,
    signOffRisk,
    receipt: receipts.receipt,
    castNote: receipts.note,
    dismissReceipt: receipts.dismiss,
  }
}
