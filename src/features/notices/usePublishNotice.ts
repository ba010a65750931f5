import { useCallback, useEffect, useRef, useState } from 'react'
import type { Notice } from '@/domain/notices'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { newRequestId } from '@/services/requestId'
import { emitNoticeEvent } from './events'
import {
  EMPTY_FORM,
  fieldErrorsFromDetails,
  isEmptyForm,
  validatePublishForm,
  type FieldErrors,
  type PublishForm,
  type PublishField,
} from './publishForm'

export type SubmitResult = { ok: true; notice: Notice } | { ok: false; reason: 'invalid' | 'failed' | 'busy' }

/** The draft keeps the attempt's requestId too: a publish whose reply was lost, re-sent after the page
 * was closed and the draft restored, must still be the same notice. */
type PublishDraft = PublishForm & { requestId?: string | null }

export function publishDraftKey(userId: string): string {
  return `notice.publish.${userId}`
}

/**
 * The committee's publish form: validated with the shared schema, kept as a local draft
 * (restored on reopen, cleared on success, kept on failure), one requestId per attempt.
 */
export function usePublishNotice(userId: string) {
  const draftKey = publishDraftKey(userId)
  const [initial] = useState(() => loadDraft<PublishDraft>(draftKey))
  const [form, setForm] = useState<PublishForm>(() => {
    const { requestId: _attempt, ...saved } = initial?.value ?? {}
    return { ...EMPTY_FORM, ...saved }
  })
  const [restoredAt, setRestoredAt] = useState<string | null>(initial?.savedAt ?? null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<ApiError | null>(null)
  // Same id while the same form is re-sent; a change to the form makes it a new attempt.
  const requestId = useRef<string | null>(initial?.value.requestId ?? null)
  const submittingRef = useRef(false)

  useEffect(() => {
    if (isEmptyForm(form)) clearDraft(draftKey)
    else saveDraft<PublishDraft>(draftKey, { ...form, requestId: requestId.current })
  }, [draftKey, form])

  const setField = useCallback(<K extends keyof PublishForm>(key: K, value: PublishForm[K]) => {
    // the form is locked while it is being sent: what is sent is what the draft holds
    if (submittingRef.current) return
    requestId.current = null
    setForm((f) => ({ ...f, [key]: value }))
    const field = (key === 'scope' ? 'gridIds' : key === 'scheduled' ? 'publishAt' : key === 'expires' ? 'expireAt' : key) as PublishField
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [])

  const submit = useCallback(async (): Promise<SubmitResult> => {
    if (submittingRef.current) return { ok: false, reason: 'busy' }
    const { input, errors: found } = validatePublishForm(form)
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    requestId.current ??= newRequestId()
    saveDraft<PublishDraft>(draftKey, { ...form, requestId: requestId.current })
    submittingRef.current = true
    setSubmitting(true)
    setSubmitError(null)
    try {
      const notice = await callApi('notice.publish', input, { requestId: requestId.current })
      requestId.current = null
      clearDraft(draftKey)
      setForm(EMPTY_FORM)
      setRestoredAt(null)
      emitNoticeEvent({ type: 'published', notice })
      return { ok: true, notice }
    } catch (e) {
      const err = toApiError(e)
      setSubmitError(err)
      if (err.code === 'INVALID_INPUT') setErrors(fieldErrorsFromDetails(err.details))
      return { ok: false, reason: 'failed' }
    } finally {
      submittingRef.current = false
      setSubmitting(false)
    }
  }, [form, draftKey])

  const discardDraft = useCallback(() => {
    requestId.current = null
    clearDraft(draftKey)
    setForm(EMPTY_FORM)
    setErrors({})
    setSubmitError(null)
    setRestoredAt(null)
  }, [draftKey])

  return { form, setField, errors, submit, submitting, submitError, restoredAt, discardDraft }
}
