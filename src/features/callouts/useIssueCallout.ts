import { useCallback, useState } from 'react'
import type { CalloutCreateInput, CalloutView } from '@/domain/callouts'
import { callApi } from '@/services/api'
import { LocationError, LOCATION_FAILURE_TEXT, pickAreaCentre } from '@/features/media'
import { detailsToErrors } from '../common/formErrors'
import { useDraftSubmit } from '../common/useDraftSubmit'
import { EMPTY_ISSUE, isEmptyIssue, ISSUE_FIELDS, validateIssue, type IssueErrors, type IssueFormValues } from './issueForm'

export type IssueResult = { ok: true; callout: CalloutView } | { ok: false }

const emptyIssue = (): IssueFormValues => EMPTY_ISSUE

/** 发起动员: validated with callout.create's schema, kept as a local draft, one requestId per attempt. */
export function useIssueCallout(userId: string) {
  const { form, setForm, isBusy, submit: send, submitting, error, restoredAt, discard } = useDraftSubmit<IssueFormValues, CalloutCreateInput, CalloutView>({
    key: `callout.create.${userId}`,
    empty: emptyIssue,
    isEmpty: isEmptyIssue,
    inputOf: (f) => validateIssue(f).input,
    send: (input, requestId) => callApi('callout.create', input, { requestId }),
  })
  const [errors, setErrors] = useState<IssueErrors>({})
  const [locating, setLocating] = useState(false)
  const [locationError, setLocationError] = useState<string | null>(null)

  const update = useCallback(
    (change: (f: IssueFormValues) => IssueFormValues) => {
      if (isBusy()) return
      setForm(change)
    },
    [isBusy, setForm],
  )

  const locate = useCallback(async () => {
    setLocating(true)
    setLocationError(null)
    try {
      const c = await pickAreaCentre()
      update((f) => ({ ...f, centre: { latitude: c.latitude, longitude: c.longitude }, place: f.place || c.address || '' }))
    } catch (e) {
      if (!(e instanceof LocationError && e.reason === 'cancelled')) setLocationError(e instanceof LocationError ? LOCATION_FAILURE_TEXT[e.reason] : '定位失败，请再试一次')
    } finally {
      setLocating(false)
    }
  }, [update])

  const submit = useCallback(async (): Promise<IssueResult> => {
    if (isBusy()) return { ok: false }
    const { input, errors: found } = validateIssue(form)
    setErrors(found)
    if (!input) return { ok: false }
    const sent = await send(input)
    if (!sent.ok) {
      if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, ISSUE_FIELDS))
      return { ok: false }
    }
    setForm(EMPTY_ISSUE)
    return { ok: true, callout: sent.data }
  }, [isBusy, form, send, setForm])

  return { form, update, errors, submit, submitting, submitError: error, restoredAt, discard, locate, locating, locationError }
}
