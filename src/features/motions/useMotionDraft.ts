import { useCallback, useEffect, useRef, useState } from 'react'
import type { MotionCreateInput, MotionView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { useDraftSubmit } from '../common/useDraftSubmit'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { draftErrorsFromDetails, formOfMotion, newDraft, isEmptyDraft, validateDraft, type DraftErrors, type DraftFormValues } from './draftForm'
import { emitMotionEvent } from './events'

export function motionDraftKey(userId: string): string {
  return `motion.create.${userId}`
}

type Sent = { ok: true; motion: MotionView } | { ok: false; reason: 'invalid' | 'failed' | 'busy' }

/**
 * 起草/修改议题 (committee). Without `id`: a new motion (motion.create, idempotent per requestId, the form kept
 * as a local draft until it is created). With `id`: the motion loaded into the form, saved by motion.update.
 */
export function useMotionDraft(userId: string, id: string | null) {
  const { form, setForm, submit: create, submitting: creating, restoredAt, discard } = useDraftSubmit<DraftFormValues, MotionCreateInput, MotionView>({
    key: id ? null : motionDraftKey(userId),
    empty: newDraft,
    isEmpty: isEmptyDraft,
    send: (input, requestId) => callApi('motion.create', input, { requestId }),
  })
  const [errors, setErrors] = useState<DraftErrors>({})
  const existing = useRemote<MotionView>(id ? `motion-edit:${id}` : null, () => callApi('motion.get', { id: id as string }))
  const loadedFor = useRef<string | null>(null)
  useEffect(() => {
    if (existing.data && loadedFor.current !== existing.data.id) {
      loadedFor.current = existing.data.id
      setForm(formOfMotion(existing.data))
    }
  }, [existing.data, setForm])

  const update = useSubmit<Record<string, unknown>, MotionView>((input, requestId) => callApi('motion.update', input as never, { requestId }))
  const submitting = creating || update.submitting
  const [submitError, setSubmitError] = useState<ApiError | null>(null)

  const set = useCallback(<K extends keyof DraftFormValues>(key: K, value: DraftFormValues[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(next)) if (k === key || k.startsWith(`${key}.`)) delete next[k]
      return next
    })
  }, [setForm])

  const submit = useCallback(async (): Promise<Sent> => {
    if (submitting) return { ok: false, reason: 'busy' }
    const status = existing.data?.status
    const { input, errors: found } = validateDraft(form, { creating: !id })
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    setSubmitError(null)
    let sent
    if (!id) {
      sent = await create(input)
    } else {
      const { kind, eligibility, options, consultUntil, ...rest } = input
      const patch = {
        id,
        ...rest,
        preamble: input.preamble ?? '',
        // kind and eligibility are fixed once published (the server refuses a change in consultation)
        ...(status === 'draft' ? { kind, eligibility } : {}),
        ...(kind === 'matter' ? { options } : {}),
        consultUntil: consultUntil ?? null,
      }
      sent = await update.submit(patch)
    }
    if (!sent.ok) {
      const err = sent.error ?? toApiError(null)
      setSubmitError(err)
      if (err.code === 'INVALID_INPUT') setErrors(draftErrorsFromDetails(err.details))
      return { ok: false, reason: 'failed' }
    }
    emitMotionEvent({ type: 'changed', motion: sent.data })
    return { ok: true, motion: sent.data }
  }, [submitting, existing.data?.status, form, id, create, update])

  const discardDraft = useCallback(() => {
    discard()
    setErrors({})
  }, [discard])

  return { form, set, errors, submit, submitting, submitError, restoredAt, discardDraft, existing }
}
