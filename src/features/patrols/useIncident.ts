import { useCallback, useState } from 'react'
import { detailsToErrors } from '../common/formErrors'
import { useSubmit } from '../common/useSubmit'
import { callApi } from '@/services/api'
import type { ShiftLogInput } from '@/domain/patrols'
import { LocationError, type LocationFailure, takePosition } from '@/features/media'
import { emitShiftEvent } from './events'
import { EMPTY_INCIDENT, validateIncident, type IncidentErrors, type IncidentField, type IncidentFormValues } from './incidentForm'

const FIELDS: readonly IncidentField[] = ['category', 'description', 'photos', 'location']

/** An INVALID_INPUT reply's paths (report.category, note …) as the form's fields. */
function serverErrors(details: unknown): IncidentErrors {
  const mapped = Array.isArray(details)
    ? details.map((d: { path?: unknown; message?: unknown }) => {
        const parts = String(d?.path ?? '').split('.')
        const field = parts[0] === 'report' ? (parts[1] === 'photoIds' ? 'photos' : parts[1]) : parts[0] === 'note' ? 'description' : parts[0]
        return { path: field, message: d?.message }
      })
    : []
  return detailsToErrors(mapped, FIELDS)
}

/** 发现隐患 on a shift: a 随手拍 report sent with shift.log, one requestId per attempt (a retry is the same report). */
export function useIncident(shiftId: string) {
  const [form, setForm] = useState<IncidentFormValues>(EMPTY_INCIDENT)
  const [errors, setErrors] = useState<IncidentErrors>({})
  const [reportId, setReportId] = useState<string | null>(null)
  const [locating, setLocating] = useState(false)
  const [locationFailure, setLocationFailure] = useState<LocationFailure | null>(null)
  const sender = useSubmit((input: ShiftLogInput, requestId: string) => callApi('shift.log', input, { requestId }))

  const setField = useCallback(<K extends keyof IncidentFormValues>(key: K, value: IncidentFormValues[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    const field = (key === 'position' ? 'location' : key) as IncidentField
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [])

  const locate = useCallback(async () => {
    setLocating(true)
    setLocationFailure(null)
    try {
      setField('position', await takePosition())
    } catch (e) {
      setLocationFailure(e instanceof LocationError ? e.reason : 'unavailable')
    } finally {
      setLocating(false)
    }
  }, [setField])

  const submit = useCallback(async (): Promise<boolean> => {
    const { input, errors: found } = validateIncident(shiftId, form)
    setErrors(found)
    if (!input) return false
    const r = await sender.submit(input)
    if (!r.ok) {
      if (r.error?.code === 'INVALID_INPUT') setErrors(serverErrors(r.error.details))
      return false
    }
    setReportId(r.data.reportId ?? null)
    emitShiftEvent({ type: 'changed', id: shiftId })
    return true
  }, [shiftId, form, sender])

  return { form, setField, errors, locate, locating, locationFailure, submit, submitting: sender.submitting, submitError: sender.error, reportId }
}
