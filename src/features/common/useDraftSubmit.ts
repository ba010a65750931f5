import { useCallback, useEffect, useRef, useState } from 'react'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { useSubmit, type Sent } from './useSubmit'

/** A send and its requestId: kept in the draft, so sending it again after a lost reply is the same write. */
export interface Attempt<I> {
  input: I
  requestId: string
}

/** What a draft holds: the form, and the last attempt sent from it. */
type Saved<F, I> = F & Partial<Attempt<I>>

export interface DraftSubmitOptions<F, I, R> {
  /** where the draft is kept; null keeps none (editing something already saved) */
  key: string | null
  /** a new, empty form; like `isEmpty`, a module-level function (both are hook dependencies) */
  empty: () => F
  /** an empty form is no draft: it is neither kept nor restored */
  isEmpty: (form: F) => boolean
  send: (input: I, requestId: string) => Promise<R>
  /** the form it opens with, from the restored draft (else an empty form) and its attempt (default: as it is) */
  initialForm?: (form: F, attempt: Attempt<I> | null) => F
  /** while true the form is not saved (it is not yet what the person left) */
  paused?: boolean
  /**
   * The input a form sends (null: it would not send). Reads a draft saved by an earlier build, which kept only
   * the requestId beside the form it was sent from, so its re-send stays the same write.
   */
  inputOf?: (form: F) => I | null
}

/** Drafts of earlier builds: `attempt` beside the form (applications), or a bare requestId (the others). */
type Legacy<I> = { attempt?: Attempt<I> | null }

function loadFormDraft<F extends object, I>(
  key: string | null,
  empty: () => F,
  isEmpty: (form: F) => boolean,
  inputOf?: (form: F) => I | null,
) {
  const draft = key ? loadDraft<Saved<F, I> & Legacy<I>>(key) : null
  if (!draft || typeof draft.value !== 'object' || draft.value === null) return null // none, or not ours any more
  const { input, requestId, attempt: legacy, ...saved } = draft.value
  const form = { ...empty(), ...saved } as F
  if (isEmpty(form)) return null
  return { form, attempt: attemptOf(form, input, requestId, legacy, inputOf), savedAt: draft.savedAt }
}

function attemptOf<F, I>(
  form: F,
  input: I | undefined,
  requestId: string | undefined,
  legacy: Attempt<I> | null | undefined,
  inputOf?: (form: F) => I | null,
): Attempt<I> | null {
  if (input != null && requestId) return { input, requestId }
  if (legacy?.requestId && legacy.input != null) return legacy
  const fromForm = requestId && inputOf ? inputOf(form) : null
  return fromForm != null && requestId ? { input: fromForm, requestId } : null
}

/**
 * A form kept as a local draft and sent with `useSubmit`: the draft is restored on open, saved as the form
 * changes, holds the attempt's requestId before each send (a re-send, even from a reopened page, is the same
 * write) and is cleared once a send succeeds.
 */
export function useDraftSubmit<F extends object, I, R>(options: DraftSubmitOptions<F, I, R>) {
  const { key, empty, isEmpty, send, initialForm, paused = false, inputOf } = options
  const [restored] = useState(() => loadFormDraft<F, I>(key, empty, isEmpty, inputOf))
  const [form, setForm] = useState<F>(() => {
    const opened = restored?.form ?? empty()
    return initialForm ? initialForm(opened, restored?.attempt ?? null) : opened
  })
  const [restoredAt, setRestoredAt] = useState<string | null>(restored?.savedAt ?? null)
  const attempt = useRef<Attempt<I> | null>(restored?.attempt ?? null)
  const { submit: sendOnce, submitting, error, clearError, requestIdFor, isBusy } = useSubmit<I, R>(send, restored?.attempt)

  useEffect(() => {
    if (!key || paused) return
    if (isEmpty(form)) clearDraft(key)
    else saveDraft<Saved<F, I>>(key, { ...form, ...attempt.current })
  }, [key, form, paused, isEmpty])

  /** Sends `input` (made from the current form); on success the draft is gone. */
  const submit = useCallback(
    async (input: I): Promise<Sent<R>> => {
      if (isBusy()) return { ok: false, error: null }
      attempt.current = { input, requestId: requestIdFor(input) }
      if (key) saveDraft<Saved<F, I>>(key, { ...form, ...attempt.current })
      const sent = await sendOnce(input)
      if (sent.ok) {
        attempt.current = null
        if (key) clearDraft(key)
        setRestoredAt(null)
      }
      return sent
    },
    [key, form, isBusy, requestIdFor, sendOnce],
  )

  /** Drops the draft: an empty form. */
  const discard = useCallback(() => {
    attempt.current = null
    if (key) clearDraft(key)
    setForm(empty())
    setRestoredAt(null)
  }, [key, empty])

  return {
    form,
    setForm,
    /** the form as its draft was saved (null: none restored) */
    restored: restored?.form ?? null,
    restoredAt,
    submit,
    submitting,
    error,
    clearError,
    isBusy,
    discard,
  }
}
