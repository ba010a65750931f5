import { useCallback, useRef, useState } from 'react'
import { toApiError, type ApiError } from '@/services/apiError'
import { newRequestId } from '@/services/requestId'

export type Sent<R> = { ok: true; data: R } | { ok: false; error: ApiError | null }

/**
 * One write with its progress and error. The requestId is made once per attempt and kept while
 * the same input is sent again (a retry after a lost reply is the same write on the server);
 * different input is a new attempt with a new id. `initialAttempt` resumes an attempt saved in a draft.
 */
export function useSubmit<I, R>(
  send: (input: I, requestId: string) => Promise<R>,
  initialAttempt?: { input: I; requestId: string } | null,
) {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const attempt = useRef<{ key: string; requestId: string } | null>(
    initialAttempt ? { key: JSON.stringify(initialAttempt.input), requestId: initialAttempt.requestId } : null,
  )
  const busy = useRef(false)
  const sendRef = useRef(send)
  sendRef.current = send

  /** The id the next send of `input` will carry (to keep it in a draft before sending). */
  const requestIdFor = useCallback((input: I): string => {
    const key = JSON.stringify(input)
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, requestId: newRequestId() }
    return attempt.current.requestId
  }, [])

  const submit = useCallback(
    async (input: I): Promise<Sent<R>> => {
      if (busy.current) return { ok: false, error: null }
      const requestId = requestIdFor(input)
      busy.current = true
      setSubmitting(true)
      setError(null)
      try {
        const data = await sendRef.current(input, requestId)
        attempt.current = null
        return { ok: true, data }
      } catch (e) {
        const err = toApiError(e)
        setError(err)
        return { ok: false, error: err }
      } finally {
        busy.current = false
        setSubmitting(false)
      }
    },
    [requestIdFor],
  )

  const clearError = useCallback(() => setError(null), [])
  /** Whether a send is under way now (before `submitting` shows it on the next render). */
  const isBusy = useCallback(() => busy.current, [])

  return { submit, submitting, error, clearError, requestIdFor, isBusy }
}
