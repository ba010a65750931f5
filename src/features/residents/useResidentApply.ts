import { useCallback, useState } from 'react'
import type { ResidentApplyInput, ResidentApplyResult } from '@/domain/residents'
import { callApi } from '@/services/api'
import { detailsToErrors } from '../common/formErrors'
import { useDraftSubmit } from '../common/useDraftSubmit'
import { APPLY_FIELDS, EMPTY_APPLY, isEmptyApply, validateApply, type ApplyErrors, type ApplyForm } from './applyForm'

export function applyDraftKey(userId: string): string {
  return `resident.apply.${userId}`
}

export type ApplyOutcome = { ok: true; result: ResidentApplyResult } | { ok: false; reason: 'invalid' | 'failed' | 'busy' }

const emptyApply = (): ApplyForm => EMPTY_APPLY

/** 住户认证: form validated with residentApplySchema, kept as a draft, sent with one requestId per attempt. */
export function useResidentApply(userId: string) {
  const [result, setResult] = useState<ResidentApplyResult | null>(null)
  const { form, setForm, submit: send, submitting, error, restoredAt, discard } = useDraftSubmit<ApplyForm, ResidentApplyInput, ResidentApplyResult>({
    key: applyDraftKey(userId),
    empty: emptyApply,
    isEmpty: isEmptyApply,
    send: (input, requestId) => callApi('resident.apply', input, { requestId }),
    // the form of a sent application is no draft
    paused: result !== null,
  })
  const [errors, setErrors] = useState<ApplyErrors>({})

  const setField = useCallback(<K extends keyof ApplyForm>(field: K, value: ApplyForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }))
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [setForm])

  /** Start from what an earlier application said (重新申请 after a rejection). */
  const prefill = useCallback((values: Partial<ApplyForm>) => {
    setForm((f) => (isEmptyApply(f) ? { ...f, ...values } : f))
  }, [setForm])

  const submit = useCallback(async (): Promise<ApplyOutcome> => {
    if (submitting) return { ok: false, reason: 'busy' }
    const { input, errors: found } = validateApply(form)
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    const sent = await send(input)
    if (sent.ok) {
      setResult(sent.data)
      return { ok: true, result: sent.data }
    }
    if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, APPLY_FIELDS))
    return { ok: false, reason: sent.error ? 'failed' : 'busy' }
  }, [form, send, submitting])

  const discardDraft = useCallback(() => {
    discard()
    setErrors({})
  }, [discard])

  /** Back to an empty form after a result (apply again). */
  const reset = useCallback(() => {
    setResult(null)
    setForm(EMPTY_APPLY)
    setErrors({})
  }, [setForm])

  return { form, setField, prefill, errors, submit, submitting, submitError: error, result, restoredAt, discardDraft, reset }
}
