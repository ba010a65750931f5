import { useCallback, useState } from 'react'
import type { ShiftCreateInput, ShiftView } from '@/domain/patrols'
import { callApi } from '@/services/api'
import { useDraftSubmit } from '../common/useDraftSubmit'
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

export function scheduleDraftKey(userId: string): string {
  return `shift.create.${userId}`
}

const emptySchedule = (): ScheduleFormValues => EMPTY_SCHEDULE

/** 安排巡逻: validated with shift.create's schema, kept as a local draft, one requestId per attempt. */
export function useScheduleShift(userId: string) {
  const { form, setForm, isBusy, submit: send, submitting, error, clearError, restoredAt, discard } = useDraftSubmit<ScheduleFormValues, ShiftCreateInput, { shifts: ShiftView[] }>({
    key: scheduleDraftKey(userId),
    empty: emptySchedule,
    isEmpty: isEmptySchedule,
    inputOf: (form) => validateSchedule(form).input,
    send: (input, requestId) => callApi('shift.create', input, { requestId }),
  })
  const [errors, setErrors] = useState<ScheduleErrors>({})
  const [locating, setLocating] = useState(false)
  const [locationFailure, setLocationFailure] = useState<LocationFailure | null>(null)

  const setField = useCallback(<K extends keyof ScheduleFormValues>(key: K, value: ScheduleFormValues[K]) => {
    if (isBusy()) return
    setForm((f) => {
      const next = { ...f, [key]: value }
      // a start picked with no end yet: offer the usual two hours
      if (key === 'start' && !f.end && typeof value === 'string') next.end = defaultEnd(value)
      return next
    })
    const field = (key === 'repeat' ? 'weeks' : key) as ScheduleField
    setErrors((e) => (e[field] || (key === 'start' && e.end) ? { ...e, [field]: undefined, ...(key === 'start' ? { end: undefined } : {}) } : e))
  }, [isBusy, setForm])

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
    if (isBusy()) return { ok: false, reason: 'busy' }
    const { input, errors: found } = validateSchedule(form)
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    const sent = await send(input)
    if (!sent.ok) {
      if (sent.error?.code === 'INVALID_INPUT') setErrors(scheduleErrorsFromDetails(sent.error.details))
      return { ok: false, reason: sent.error ? 'failed' : 'busy' }
    }
    setForm(EMPTY_SCHEDULE)
    emitShiftEvent({ type: 'scheduled' })
    return { ok: true, shifts: sent.data.shifts }
  }, [isBusy, form, send, setForm])

  const discardDraft = useCallback(() => {
    discard()
    setErrors({})
    clearError()
  }, [discard, clearError])

  return { form, setField, errors, submit, submitting, submitError: error, restoredAt, discardDraft, locate, locating, locationFailure }
}
