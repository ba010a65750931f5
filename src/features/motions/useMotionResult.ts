import { useState } from 'react'
import { normalizeReceipt, type Choice, type MotionResultView, type MotionView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { toApiError } from '@/services/apiError'
import { useRemote } from '../common/useRemote'

export type VerifyOutcome = { state: 'idle' } | { state: 'checking' } | { state: 'counted'; choice: Choice | null } | { state: 'notFound' } | { state: 'error'; message: string }

export const RECEIPT_HINT = '回执码为 16 位字母和数字，例如 ABCD-EFGH-JKMN-PQRS'

/** The result page: the motion (title, kind, options) with its published figures and ballot list. */
export function useMotionResult(id: string | null) {
  const remote = useRemote<{ motion: MotionView; result: MotionResultView }>(id ? `motion-result:${id}` : null, async () => {
    const [motion, result] = await Promise.all([callApi('motion.get', { id: id as string }), callApi('motion.result', { id: id as string })])
    return { motion, result }
  })
  const [verify, setVerify] = useState<VerifyOutcome>({ state: 'idle' })

  /** 核对我的回执: the code as typed (any case, with or without dashes) → 已计入 (and the choice) or 未找到. */
  const check = async (typed: string) => {
    const receipt = normalizeReceipt(typed)
    if (!receipt) {
      setVerify({ state: 'error', message: typed.trim() ? `回执码格式不正确。${RECEIPT_HINT}` : '请输入回执码' })
      return
    }
    setVerify({ state: 'checking' })
    try {
      const r = await callApi('motion.verifyReceipt', { id: id as string, receipt })
      setVerify(r.counted ? { state: 'counted', choice: r.choice } : { state: 'notFound' })
    } catch (e) {
      setVerify({ state: 'error', message: toApiError(e).message })
    }
  }
  return { ...remote, verify, check }
}

/** Counts the published list by choice: anyone can see that it adds up to the tally. */
export function countBallots(ballots: MotionResultView['ballots']): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const b of ballots) counts[String(b.choice)] = (counts[String(b.choice)] ?? 0) + 1
  return counts
}
