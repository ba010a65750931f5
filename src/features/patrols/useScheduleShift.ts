import { useCallback, useEffect, useRef, useState } from 'react'
import type { ShiftView } from '@/domain/patrols'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { newRequestId } from '@/services/requestId'
import { LocationError, type LocationFailure, pickAreaCentre } from '@/features/media'
import { emitShiftEvent } from './events'
import {
  defaultEnd,
  EMPTY_SCHEDULE,
  isEmptySchedule,
  scheduleErrorsFromDetails,
  validateSchedule,
  type ScheduleErrors,
  type ScheduleField,
  type ScheduleFormValues,
} from './scheduleForm'

export type ScheduleResult = { ok: true; shifts: ShiftView[] } | { ok: false; reason: 'invalid' | 'failed' | 'busy' }

/** The draft keeps the attempt's requestId: a create whose reply was lost, sent again later, is the same shifts. */
type ScheduleDraft = ScheduleFormValues & { requestId?: string | null }

export function scheduleDraftKey(userId: string): string {
  return `shift.create.${userId}`
}

/** 安排巡逻: validated with shift.create's schema, kept as a local draft, one requestId per attempt. */
export function useScheduleShift(userId: string) {
  const draftKey = scheduleDraftKey(userId)
  const [initial] = useState(() => loadDraft<ScheduleDraft>(draftKey))
  const [form, setForm] = useState<ScheduleFormValues>(() => {
    const { requestId: _attempt, ...saved } = initial?.value ?? {}
    return { ...EMPTY_SCHEDULE, ...saved }
  })
  const [restoredAt, setRestoredAt] = useState<string | null>(initial?.savedAt ?? null)
  const [errors, setErrors] = useState<ScheduleErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<ApiError | null>(null)
  const [locating, setLocating] = useState(false)
  const [locationFailure, setLocationFailure] = useState<LocationFailure | null>(null)
  const requestId = useRef<string | null>(initial?.value.requestId ?? null)
  const busy = useRef(false)

  useEffect(() => {
    if (isEmptySchedule(form)) clearDraft(draftKey)
    else saveDraft<ScheduleDraft>(draftKey, { ...form, requestId: requestId.current })
  }, [draftKey, form])

  const setField = useCallback(<K extends keyof ScheduleFormValues>(key: K, value: ScheduleFormValues[K]) => {
    if (busy.current) return
    requestId.current = null
    setForm((f) => {
      const next = { ...f, [key]: value }
      // a start picked with no end yet: offer the usual two hours
      if (key === 'start' && !f.end && typeof value === 'string') next.end = defaultEnd(value)
      return next
    })
    const field = (key === 'repeat' ? 'weeks' : key) as ScheduleField
    setErrors((e) => (e[field] || (key === 'start' && e.end) ? { ...e, [field]: undefined, ...(key === 'start' ? { end: undefined } : {}) } : e))
  }, [])

  const locate = useCallback(async () => {
    setLocating(true)
    setLocationFailure(null)
    try {
      setField('centre', await pickAreaCentre())
    } catch (e) {
      setLocationFailure(e instanceof LocationError ? e.reason : 'unavailable')
    } finally {
      setLocating(false)
    }
  }, [setField])

  const submit = useCallback(async (): Promise<ScheduleResult> => {
    if (busy.current) return { ok: false, reason: 'busy' }
    const { input, errors: found } = validateSchedule(form)
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    requestId.current ??= newRequestId()
    saveDraft<ScheduleDraft>(draftKey, { ...form, requestId: requestId.current })
    busy.current = true
    setSubmitting(true)
    setSubmitError(null)
    try {
      const { shifts } = await callApi('shift.create', input, { requestId: requestId.current })
      requestId.current = null
      clearDraft(draftKey)
      setForm(EMPTY_SCHEDULE)
      setRestoredAt(null)
      emitShiftEvent({ type: 'scheduled' })
      return { ok: true, shifts }
    } catch (e) {
      const err = toApiError(e)
      setSubmitError(err)
      if (err.code === 'INVALID_INPUT') setErrors(scheduleErrorsFromDetails(err.details))
      return { ok: false, reason: 'failed' }
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [form, draftKey])

  const discardDraft = useCallback(() => {
    requestId.current = null
    clearDraft(draftKey)
    setForm(EMPTY_SCHEDULE)
    setErrors({})
    setSubmitError(null)
    setRestoredAt(null)
  }, [draftKey])

  return { form, setField, errors, submit, submitting, submitError, restoredAt, discardDraft, locate, locating, locationFailure }
}
