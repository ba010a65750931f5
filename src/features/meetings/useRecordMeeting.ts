import { useCallback, useEffect, useState } from 'react'
import type { MeetingOwnerOption, MeetingRecordInput, MeetingView } from '@/domain/meetings'
import type { ReportView } from '@/domain/reports'
import { emitReportEvent } from '@/features/reports'
import { callApi } from '@/services/api'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { emptyMeetingForm, meetingErrorsFrom, validateMeeting, type MeetingErrors, type MeetingField, type MeetingForm } from './meetingForm'

interface Loaded {
  report: ReportView
  owners: MeetingOwnerOption[]
}

/** 记录联席会议: the dispute, whom tasks can go to, the form (kept as a local draft), and `meeting.record`. */
export function useRecordMeeting(reportId: string | undefined) {
  const remote = useRemote<Loaded>(reportId ? `meeting-form:${reportId}` : null, async () => {
    const report = await callApi('report.get', { id: reportId as string })
    // owners only where a meeting may be recorded (the server refuses the list otherwise)
    const owners = report.can.includes('meet') ? (await callApi('meeting.owners', { reportId: report.id })).owners : []
    return { report, owners }
  })
  const draftKey = `meeting:${reportId ?? ''}`
  const [form, setFormState] = useState<MeetingForm | null>(null)
  const [errors, setErrors] = useState<MeetingErrors>({})
  const { submit, submitting, error, clearError } = useSubmit<MeetingRecordInput, MeetingView>((input, requestId) =>
    callApi('meeting.record', input, { requestId }),
  )

  useEffect(() => {
    if (form || !reportId) return
    setFormState(loadDraft<MeetingForm>(draftKey)?.value ?? emptyMeetingForm())
  }, [form, draftKey, reportId])

  const setForm = useCallback(
    (change: (f: MeetingForm) => MeetingForm, touched?: MeetingField) => {
      setFormState((f) => {
        if (!f) return f
        const next = change(f)
        saveDraft(draftKey, next)
        return next
      })
      if (touched) setErrors((e) => ({ ...e, [touched]: undefined }))
    },
    [draftKey],
  )

  const save = useCallback(async (): Promise<MeetingView | null> => {
    if (!reportId || !form) return null
    const { input, errors: problems } = validateMeeting(reportId, form)
    setErrors(problems)
    if (!input) return null
    const sent = await submit(input)
    if (!sent.ok) {
      if (sent.error?.code === 'INVALID_INPUT') setErrors(meetingErrorsFrom(sent.error.details))
      return null
    }
    clearDraft(draftKey)
    // the report's timeline has the new step: screens showing it reload
    const report = await callApi('report.get', { id: reportId }).catch(() => null)
    if (report) emitReportEvent({ type: 'changed', report })
    return sent.data
  }, [reportId, form, submit, draftKey])

  return {
    status: remote.status,
    error: remote.error,
    reload: remote.reload,
    report: remote.data?.report ?? null,
    owners: remote.data?.owners ?? [],
    form,
    setForm,
    errors,
    save,
    saving: submitting,
    saveError: error,
    clearError,
  }
}
