import { useCallback, useEffect, useRef, useState } from 'react'
import { volunteerApplySchema, type VolunteerApplicationView, type VolunteerApplyInput } from '@/domain/volunteers'
import { callApi } from '@/services/api'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { detailsToErrors, issuesToErrors, type FieldErrors } from '../common/formErrors'
import { useSubmit } from '../common/useSubmit'

export interface VolunteerForm {
  skills: string
  availability: string
}
type VolunteerField = keyof VolunteerForm
const FIELDS: readonly VolunteerField[] = ['skills', 'availability']
const EMPTY: VolunteerForm = { skills: '', availability: '' }
type VolunteerDraft = VolunteerForm & { attempt?: { input: VolunteerApplyInput; requestId: string } | null }

export function volunteerDraftKey(userId: string): string {
  return `volunteer.apply.${userId}`
}

export function validateVolunteer(f: VolunteerForm) {
  const input: Record<string, unknown> = {}
  if (f.skills.trim()) input.skills = f.skills
  if (f.availability.trim()) input.availability = f.availability
  const parsed = volunteerApplySchema.safeParse(input)
  if (!parsed.success) return { input: null, errors: issuesToErrors(parsed.error.issues, FIELDS) }
  return { input: parsed.data as VolunteerApplyInput, errors: {} as FieldErrors<VolunteerField> }
}

/** 志愿者申请: 特长 and 可服务时间, kept as a draft, one requestId per attempt. */
export function useVolunteerApply(userId: string, onDone?: (application: VolunteerApplicationView) => void) {
  const key = volunteerDraftKey(userId)
  const [initial] = useState(() => loadDraft<VolunteerDraft>(key))
  const [form, setForm] = useState<VolunteerForm>(() => ({
    skills: initial?.value.skills ?? '',
    availability: initial?.value.availability ?? '',
  }))
  const [errors, setErrors] = useState<FieldErrors<VolunteerField>>({})
  const attempt = useRef<VolunteerDraft['attempt']>(initial?.value.attempt ?? null)
  const { submit: send, submitting, error, requestIdFor } = useSubmit<VolunteerApplyInput, VolunteerApplicationView>(
    (input, requestId) => callApi('volunteer.apply', input, { requestId }),
    initial?.value.attempt ?? null,
  )
  const onDoneRef = useRef(onDone)
  onDoneRef.current = onDone

  useEffect(() => {
    if (!form.skills && !form.availability) clearDraft(key)
    else saveDraft<VolunteerDraft>(key, { ...form, attempt: attempt.current })
  }, [key, form])

  const setField = useCallback((field: VolunteerField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }))
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [])

  const submit = useCallback(async () => {
    const { input, errors: found } = validateVolunteer(form)
    setErrors(found)
    if (!input) return false
    attempt.current = { input, requestId: requestIdFor(input) }
    saveDraft<VolunteerDraft>(key, { ...form, attempt: attempt.current })
    const sent = await send(input)
    if (sent.ok) {
      attempt.current = null
      clearDraft(key)
      setForm(EMPTY)
      onDoneRef.current?.(sent.data)
      return true
    }
    if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, FIELDS))
    return false
  }, [form, key, send, requestIdFor])

  return { form, setField, errors, submit, submitting, submitError: error }
}
