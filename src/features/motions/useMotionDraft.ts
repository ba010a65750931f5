import { useCallback, useEffect, useRef, useState } from 'react'
import type { MotionCreateInput, MotionView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { draftErrorsFromDetails, formOfMotion, newDraft, isEmptyDraft, validateDraft, type DraftErrors, type DraftFormValues } from './draftForm'
import { emitMotionEvent } from './events'

/** The local draft keeps the attempt's requestId: a create whose reply was lost, re-sent later, is the same motion. */
type Saved = DraftFormValues & { requestId?: string | null; input?: MotionCreateInput | null }

export function motionDraftKey(userId: string): string {
  return `motion.create.${userId}`
}

type Sent = { ok: true; motion: MotionView } | { ok: false; reason: 'invalid' | 'failed' | 'busy' }

/**
 * 起草/修改议题 (committee). Without `id`: a new motion (motion.create, idempotent per requestId, the form kept
 * as a local draft until it is created). With `id`: the motion loaded into the form, saved by motion.update.
 */
export function useMotionDraft(userId: string, id: string | null) {
  const draftKey = motionDraftKey(userId)
  const [initial] = useState(() => (id ? null : loadDraft<Saved>(draftKey)))
  const [form, setForm] = useState<DraftFormValues>(() => {
    const { requestId: _r, input: _i, ...saved } = initial?.value ?? ({} as Saved)
    return { ...newDraft(), ...saved }
  })
  const [restoredAt, setRestoredAt] = useState<string | null>(initial?.savedAt ?? null)
  const [errors, setErrors] = useState<DraftErrors>({})
  const existing = useRemote<MotionView>(id ? `motion-edit:${id}` : null, () => callApi('motion.get', { id: id as string }))
  const loadedFor = useRef<string | null>(null)
  useEffect(() => {
    if (existing.data && loadedFor.current !== existing.data.id) {
      loadedFor.current = existing.data.id
      setForm(formOfMotion(existing.data))
    }
  }, [existing.data])

  const resumed = initial?.value.requestId && initial.value.input ? { input: initial.value.input, requestId: initial.value.requestId } : null
  const create = useSubmit<MotionCreateInput, MotionView>((input, requestId) => callApi('motion.create', input, { requestId }), resumed)
  const update = useSubmit<Record<string, unknown>, MotionView>((input, requestId) => callApi('motion.update', input as never, { requestId }))
  const submitting = create.submitting || update.submitting
  const [submitError, setSubmitError] = useState<ApiError | null>(null)

  useEffect(() => {
    if (id) return
    if (isEmptyDraft(form)) clearDraft(draftKey)
    else saveDraft<Saved>(draftKey, { ...form })
  }, [id, draftKey, form])

  const set = useCallback(<K extends keyof DraftFormValues>(key: K, value: DraftFormValues[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(next)) if (k === key || k.startsWith(`${key}.`)) delete next[k]
      return next
    })
  }, [])

  const submit = useCallback(async (): Promise<Sent> => {
    if (submitting) return { ok: false, reason: 'busy' }
    const status = existing.data?.status
    const { input, errors: found } = validateDraft(form, { creating: !id })
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    setSubmitError(null)
    let sent
    if (!id) {
      saveDraft<Saved>(draftKey, { ...form, input, requestId: create.requestIdFor(input) })
      sent = await create.submit(input)
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
    if (!id) {
      clearDraft(draftKey)
      setRestoredAt(null)
    }
    emitMotionEvent({ type: 'changed', motion: sent.data })
    return { ok: true, motion: sent.data }
  }, [submitting, existing.data?.status, form, id, draftKey, create, update])

  const discardDraft = useCallback(() => {
    clearDraft(draftKey)
    setForm(newDraft())
    setErrors({})
    setRestoredAt(null)
  }, [draftKey])

  return { form, set, errors, submit, submitting, submitError, restoredAt, discardDraft, existing }
}
