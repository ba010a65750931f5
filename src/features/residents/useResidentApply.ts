import { useCallback, useEffect, useRef, useState } from 'react'
import type { ResidentApplyInput, ResidentApplyResult } from '@/domain/residents'
import { callApi } from '@/services/api'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { detailsToErrors } from '../common/formErrors'
import { useSubmit } from '../common/useSubmit'
import { APPLY_FIELDS, EMPTY_APPLY, isEmptyApply, validateApply, type ApplyErrors, type ApplyForm } from './applyForm'

/** The draft keeps the attempt too: an application whose reply was lost is re-sent as the same one. */
type ApplyDraft = ApplyForm & { attempt?: { input: ResidentApplyInput; requestId: string } | null }

export function applyDraftKey(userId: string): string {
  return `resident.apply.${userId}`
}

export type ApplyOutcome = { ok: true; result: ResidentApplyResult } | { ok: false; reason: 'invalid' | 'failed' | 'busy' }

/** 住户认证: form validated with residentApplySchema, kept as a draft, sent with one requestId per attempt. */
export function useResidentApply(userId: string) {
  const key = applyDraftKey(userId)
  const [initial] = useState(() => loadDraft<ApplyDraft>(key))
  const [form, setForm] = useState<ApplyForm>(() => {
    const { attempt: _a, ...saved } = initial?.value ?? {}
    return { ...EMPTY_APPLY, ...saved }
  })
  const [restoredAt, setRestoredAt] = useState<string | null>(initial && !isEmptyApply({ ...EMPTY_APPLY, ...initial.value }) ? initial.savedAt : null)
  const [errors, setErrors] = useState<ApplyErrors>({})
  const [result, setResult] = useState<ResidentApplyResult | null>(null)
  // the last attempt sent: kept in the draft; useSubmit reuses its id only while the input is the same
  const attempt = useRef<ApplyDraft['attempt']>(initial?.value.attempt ?? null)
  const { submit: send, submitting, error, requestIdFor } = useSubmit<ResidentApplyInput, ResidentApplyResult>(
    (input, requestId) => callApi('resident.apply', input, { requestId }),
    initial?.value.attempt ?? null,
  )

  useEffect(() => {
    if (result) return
    if (isEmptyApply(form)) clearDraft(key)
    else saveDraft<ApplyDraft>(key, { ...form, attempt: attempt.current })
  }, [key, form, result])

  const setField = useCallback(<K extends keyof ApplyForm>(field: K, value: ApplyForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }))
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [])

  /** Start from what an earlier application said (重新申请 after a rejection). */
  const prefill = useCallback((values: Partial<ApplyForm>) => {
    setForm((f) => (isEmptyApply(f) ? { ...f, ...values } : f))
  }, [])

  const submit = useCallback(async (): Promise<ApplyOutcome> => {
    if (submitting) return { ok: false, reason: 'busy' }
    const { input, errors: found } = validateApply(form)
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    attempt.current = { input, requestId: requestIdFor(input) }
    saveDraft<ApplyDraft>(key, { ...form, attempt: attempt.current })
    const sent = await send(input)
    if (sent.ok) {
      attempt.current = null
      clearDraft(key)
      setRestoredAt(null)
      setResult(sent.data)
      return { ok: true, result: sent.data }
    }
    if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, APPLY_FIELDS))
    return { ok: false, reason: sent.error ? 'failed' : 'busy' }
  }, [form, key, send, submitting, requestIdFor])

  const discardDraft = useCallback(() => {
    attempt.current = null
    clearDraft(key)
    setForm(EMPTY_APPLY)
    setErrors({})
    setRestoredAt(null)
  }, [key])

  /** Back to an empty form after a result (apply again). */
  const reset = useCallback(() => {
    setResult(null)
    setForm(EMPTY_APPLY)
    setErrors({})
  }, [])

  return { form, setField, prefill, errors, submit, submitting, submitError: error, result, restoredAt, discardDraft, reset }
}
