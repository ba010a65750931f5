import { useCallback, useRef, useState } from 'react'
import { volunteerApplySchema, type VolunteerApplicationView, type VolunteerApplyInput } from '@/domain/volunteers'
import { callApi } from '@/services/api'
import { detailsToErrors, issuesToErrors, type FieldErrors } from '../common/formErrors'
import { useDraftSubmit } from '../common/useDraftSubmit'

export interface VolunteerForm {
  skills: string
  availability: string
}
type VolunteerField = keyof VolunteerForm
const FIELDS: readonly VolunteerField[] = ['skills', 'availability']
const EMPTY: VolunteerForm = { skills: '', availability: '' }
const emptyVolunteer = (): VolunteerForm => EMPTY
const isEmptyVolunteer = (f: VolunteerForm) => !f.skills && !f.availability

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
  const { form, setForm, submit: send, submitting, error } = useDraftSubmit<VolunteerForm, VolunteerApplyInput, VolunteerApplicationView>({
    key: volunteerDraftKey(userId),
    empty: emptyVolunteer,
    isEmpty: isEmptyVolunteer,
    send: (input, requestId) => callApi('volunteer.apply', input, { requestId }),
  })
  const [errors, setErrors] = useState<FieldErrors<VolunteerField>>({})
  const onDoneRef = useRef(onDone)
  onDoneRef.current = onDone

  const setField = useCallback((field: VolunteerField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }))
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [setForm])

  const submit = useCallback(async () => {
    const { input, errors: found } = validateVolunteer(form)
    setErrors(found)
    if (!input) return false
    const sent = await send(input)
    if (sent.ok) {
      setForm(EMPTY)
      onDoneRef.current?.(sent.data)
      return true
    }
    if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, FIELDS))
    return false
  }, [form, send, setForm])

  return { form, setField, errors, submit, submitting, submitError: error }
}
