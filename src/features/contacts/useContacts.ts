import { useCallback, useState } from 'react'
import {
  contactLogSchema,
  contactRaiseSchema,
  type ContactKind,
  type ContactLogView,
  type ContactMine,
  type ContactOverview,
} from '@/domain/contacts'
import type { ReportCategory } from '@/domain/reports'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { detailsToErrors, issuesToErrors, type FieldErrors } from '../common/formErrors'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { chinaLocalNow, chinaLocalToIso } from './format'

/** contact.mine: my household's contact, and my households when I am a cadre. */
export function useMyContacts(enabled = true) {
  return useRemote<ContactMine>(enabled ? 'contact:mine' : null, () => callApi('contact.mine', {}))
}

/** The committee's overview (contact.overview) and 指派 from it (contact.assign), reloaded after each. */
export function useContactOverview(enabled = true) {
  const overview = useRemote<ContactOverview>(enabled ? 'contact:overview' : null, () => callApi('contact.overview', {}))
  const [assigning, setAssigning] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const { reload } = overview
  const assign = useCallback(
    async (householdId: string, cadreId: string): Promise<boolean> => {
      setAssigning(householdId)
      setError(null)
      try {
        await callApi('contact.assign', { householdId, cadreId })
        await reload({ silent: true })
        return true
      } catch (e) {
        setError(toApiError(e))
        return false
      } finally {
        setAssigning(null)
      }
    },
    [reload],
  )
  return { overview, assign, assigning, error }
}

export interface LogForm {
  kind: ContactKind | ''
  /** Beijing time 'YYYY-MM-DD HH:mm' */
  at: string
  note: string
}
const LOG_FIELDS = ['kind', 'at', 'note'] as const
type LogField = (typeof LOG_FIELDS)[number]

/** 记录联系: the form, checked with contact.log's own schema, sent with one requestId per attempt. */
export function useLogContact(householdId: string, now = () => Date.now()) {
  const [form, setForm] = useState<LogForm>(() => ({ kind: '', at: chinaLocalNow(now()), note: '' }))
  const [errors, setErrors] = useState<FieldErrors<LogField>>({})
  const sender = useSubmit((input: unknown, requestId: string) => callApi('contact.log', input as never, { requestId }))
  const setField = useCallback(<K extends keyof LogForm>(k: K, v: LogForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }, [])
  const submit = useCallback(async (): Promise<ContactLogView | null> => {
    const parsed = contactLogSchema.safeParse({ householdId, kind: form.kind || undefined, at: chinaLocalToIso(form.at) || undefined, note: form.note })
    if (!parsed.success) {
      const errs = issuesToErrors(parsed.error.issues, LOG_FIELDS)
      if (!form.kind) errs.kind = '请选择联系方式'
      if (!chinaLocalToIso(form.at)) errs.at = '请选择联系时间'
      setErrors(errs)
      return null
    }
    const sent = await sender.submit(parsed.data)
    if (sent.ok) return sent.data as ContactLogView
    if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, LOG_FIELDS))
    return null
  }, [householdId, form, sender])
  return { form, setField, errors, submit, submitting: sender.submitting, submitError: sender.error }
}

export interface RaiseForm {
  category: ReportCategory | ''
  description: string
}
const RAISE_FIELDS = ['category', 'description'] as const
type RaiseField = (typeof RAISE_FIELDS)[number]

/** 代为上报: category and description for one of my households (contact.raise). */
export function useRaiseOnBehalf(householdId: string) {
  const [form, setForm] = useState<RaiseForm>({ category: '', description: '' })
  const [errors, setErrors] = useState<FieldErrors<RaiseField>>({})
  const sender = useSubmit((input: unknown, requestId: string) => callApi('contact.raise', input as never, { requestId }))
  const setField = useCallback(<K extends keyof RaiseForm>(k: K, v: RaiseForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }, [])
  const submit = useCallback(async (): Promise<string | null> => {
    const parsed = contactRaiseSchema.safeParse({ householdId, category: form.category || undefined, description: form.description })
    if (!parsed.success) {
      const errs = issuesToErrors(parsed.error.issues, RAISE_FIELDS)
      if (!form.category) errs.category = '请选择问题类别'
      setErrors(errs)
      return null
    }
    const sent = await sender.submit(parsed.data)
    if (sent.ok) return (sent.data as { reportId: string }).reportId
    if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, RAISE_FIELDS))
    return null
  }, [householdId, form, sender])
  return { form, setField, errors, submit, submitting: sender.submitting, submitError: sender.error }
}
