import { useCallback, useState } from 'react'
import type { Notice, NoticePublish } from '@/domain/notices'
import { callApi } from '@/services/api'
import { useDraftSubmit } from '../common/useDraftSubmit'
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

export function publishDraftKey(userId: string): string {
  return `notice.publish.${userId}`
}

const emptyForm = (): PublishForm => EMPTY_FORM

/**
 * The committee's publish form: validated with the shared schema, kept as a local draft
 * (restored on reopen, cleared on success, kept on failure), one requestId per attempt.
 */
export function usePublishNotice(userId: string) {
  const { form, setForm, isBusy, submit: send, submitting, error, clearError, restoredAt, discard } = useDraftSubmit<PublishForm, NoticePublish, Notice>({
    key: publishDraftKey(userId),
    empty: emptyForm,
    isEmpty: isEmptyForm,
    inputOf: (form) => validatePublishForm(form).input,
    send: (input, requestId) => callApi('notice.publish', input, { requestId }),
  })
  const [errors, setErrors] = useState<FieldErrors>({})

  const setField = useCallback(<K extends keyof PublishForm>(key: K, value: PublishForm[K]) => {
    // the form is locked while it is being sent: what is sent is what the draft holds
    if (isBusy()) return
    setForm((f) => ({ ...f, [key]: value }))
    const field = (key === 'scope' ? 'gridIds' : key === 'scheduled' ? 'publishAt' : key === 'expires' ? 'expireAt' : key) as PublishField
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [isBusy, setForm])

  const submit = useCallback(async (): Promise<SubmitResult> => {
    if (isBusy()) return { ok: false, reason: 'busy' }
    const { input, errors: found } = validatePublishForm(form)
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    const sent = await send(input)
    if (!sent.ok) {
      if (sent.error?.code === 'INVALID_INPUT') setErrors(fieldErrorsFromDetails(sent.error.details))
      return { ok: false, reason: sent.error ? 'failed' : 'busy' }
    }
    setForm(EMPTY_FORM)
    emitNoticeEvent({ type: 'published', notice: sent.data })
    return { ok: true, notice: sent.data }
  }, [isBusy, form, send, setForm])

  const discardDraft = useCallback(() => {
    discard()
    setErrors({})
    clearError()
  }, [discard, clearError])

  return { form, setField, errors, submit, submitting, submitError: error, restoredAt, discardDraft }
}
