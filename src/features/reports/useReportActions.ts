import { useCallback, useRef, useState } from 'react'
import { reportRateSchema, reportTransitionSchema, type ReportView } from '@/domain/reports'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { newRequestId } from '@/services/requestId'

export type ReporterAction = 'withdraw' | 'anonymise' | 'rate' | 'reopen' | 'support'
export type ActionResult = { ok: true } | { ok: false; message: string }

/**
 * The reporter's (and a neighbour's 我也遇到) actions on one report. Each answers with the updated report,
 * handed to `onChanged`; a failure keeps what was typed and says why in Chinese. Every write carries a
 * requestId, kept while the same input is re-sent (a retry after a lost reply is the same write).
 */
export function useReportActions(report: ReportView | null, onChanged: (r: ReportView) => void) {
  const [busy, setBusy] = useState<ReporterAction | null>(null)
  const [error, setError] = useState<{ action: ReporterAction; error: ApiError } | null>(null)
  const busyRef = useRef(false)
  const attempt = useRef<{ key: string; id: string } | null>(null)

  const run = useCallback(
    async (action: ReporterAction, send: () => Promise<ReportView | void>): Promise<ActionResult> => {
      if (busyRef.current) return { ok: false, message: '' }
      busyRef.current = true
      setBusy(action)
      setError(null)
      try {
        const r = await send()
        if (r) onChanged(r)
        attempt.current = null
        return { ok: true }
      } catch (e) {
        const err = toApiError(e)
        setError({ action, error: err })
        return { ok: false, message: err.message }
      } finally {
        busyRef.current = false
        setBusy(null)
      }
    },
    [onChanged],
  )

  const requestIdFor = (key: string) => {
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, id: newRequestId() }
    return attempt.current.id
  }

  const transition = (action: 'withdraw' | 'reopen', note?: string): Promise<ActionResult> => {
    if (!report) return Promise.resolve({ ok: false, message: '' })
    const input = { id: report.id, action, ...(note ? { note } : {}) }
    const parsed = reportTransitionSchema.safeParse(input)
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '请检查填写的内容'
      setError({ action, error: toApiError({ code: 'INVALID_INPUT', message }) })
      return Promise.resolve({ ok: false, message })
    }
    const requestId = requestIdFor(JSON.stringify(input))
    return run(action, () => callApi('report.transition', input, { requestId }))
  }

  const withdraw = () => transition('withdraw')
  const reopen = (reason: string) => transition('reopen', reason.trim())

  const anonymise = (): Promise<ActionResult> => {
    if (!report) return Promise.resolve({ ok: false, message: '' })
    const input = { id: report.id, anonymous: true }
    const requestId = requestIdFor(JSON.stringify(['report.edit', input]))
    return run('anonymise', () => callApi('report.edit', input, { requestId }))
  }

  const rate = (score: number, comment: string): Promise<ActionResult> => {
    if (!report) return Promise.resolve({ ok: false, message: '' })
    if (!score) {
      const message = '请先点星星打分'
      setError({ action: 'rate', error: toApiError({ code: 'INVALID_INPUT', message }) })
      return Promise.resolve({ ok: false, message })
    }
    const input = { id: report.id, score, ...(comment.trim() ? { comment: comment.trim() } : {}) }
    const parsed = reportRateSchema.safeParse(input)
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '请选择评分'
      setError({ action: 'rate', error: toApiError({ code: 'INVALID_INPUT', message }) })
      return Promise.resolve({ ok: false, message })
    }
    // a rating whose reply was lost, sent again, answers with the rated report instead of 不能评价
    const requestId = requestIdFor(JSON.stringify(['report.rate', input]))
    return run('rate', () => callApi('report.rate', input, { requestId }))
  }

  const support = (): Promise<ActionResult> =>
    report
      ? run('support', async () => {
          const requestId = requestIdFor(JSON.stringify(['report.support', report.id]))
          const { supporters } = await callApi('report.support', { id: report.id }, { requestId })
          onChanged({ ...report, supporters, supportedByMe: true, can: report.can.filter((c) => c !== 'support') })
        })
      : Promise.resolve({ ok: false, message: '' })

  const clearError = useCallback(() => setError(null), [])

  return { busy, error, clearError, withdraw, reopen, anonymise, rate, support }
}
