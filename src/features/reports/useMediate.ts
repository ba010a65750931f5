import { useCallback, useEffect, useState } from 'react'
import {
  reportMediateSchema,
  type MediationKind,
  type MediationOutcome,
  type ReportMediateInput,
  type ReportView,
} from '@/domain/reports'
import { callApi } from '@/services/api'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { emitReportEvent } from './events'

export interface MediateForm {
  kind: MediationKind | ''
  parties: { name: string; role: string }[]
  sessionDate: string
  sessionNote: string
  outcome: MediationOutcome | ''
  agreement: string
}

export type MediateField = 'kind' | 'parties' | 'sessionDate' | 'sessionNote' | 'outcome' | 'agreement'
export type MediateErrors = Partial<Record<MediateField, string>>

/** Today as 'YYYY-MM-DD' on the device's calendar. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

export function emptyForm(now?: Date): MediateForm {
  return {
    kind: '',
    parties: [
      { name: '', role: '' },
      { name: '', role: '' },
    ],
    sessionDate: today(now),
    sessionNote: '',
    outcome: '',
    agreement: '',
  }
}

/** The form seeded from a report's record so far (kind and parties; sessions are added one at a time). */
export function formFrom(report: ReportView, now?: Date): MediateForm {
  const m = report.mediation
  if (!m) return emptyForm(now)
  const parties = m.parties.map((p) => ({ name: p.name, role: p.role ?? '' }))
  while (parties.length < 2) parties.push({ name: '', role: '' })
  return { ...emptyForm(now), kind: m.kind, parties, outcome: m.outcome ?? '', agreement: m.agreement ?? '' }
}

/** The form as the API's payload; blank rows and an empty session are left out. */
export function toPayload(id: string, f: MediateForm): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    id,
    kind: f.kind || undefined,
    parties: f.parties
      .filter((p) => p.name.trim() || p.role.trim())
      .map((p) => (p.role.trim() ? { name: p.name.trim(), role: p.role.trim() } : { name: p.name.trim() })),
  }
  if (f.sessionNote.trim()) raw.session = { date: f.sessionDate, note: f.sessionNote.trim() }
  if (f.outcome) raw.outcome = f.outcome
  if (f.outcome === 'agreed' && f.agreement.trim()) raw.agreement = f.agreement.trim()
  if (raw.kind === undefined) delete raw.kind
  return raw
}

function fieldOf(path: readonly PropertyKey[]): MediateField | null {
  const [a, b] = path.map(String)
  if (a === 'kind' || a === 'parties' || a === 'outcome' || a === 'agreement') return a
  if (a === 'session') return b === 'date' ? 'sessionDate' : 'sessionNote'
  return null
}

export function validate(
  id: string,
  f: MediateForm,
): { input: ReportMediateInput | null; errors: MediateErrors } {
  const parsed = reportMediateSchema.safeParse(toPayload(id, f))
  if (parsed.success) return { input: parsed.data, errors: {} }
  const errors: MediateErrors = {}
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path)
    if (field && !errors[field]) errors[field] = issue.message
  }
  return { input: null, errors }
}

function errorsFromDetails(details: unknown): MediateErrors {
  const errors: MediateErrors = {}
  if (!Array.isArray(details)) return errors
  for (const d of details as { path?: unknown; message?: unknown }[]) {
    const field = fieldOf(String(d?.path ?? '').split('.'))
    if (field && typeof d.message === 'string' && !errors[field]) errors[field] = d.message
  }
  return errors
}

/** 记录调解: the report, the form (kept as a local draft), and `report.mediate`. */
export function useMediate(id: string | undefined) {
  const remote = useRemote<ReportView>(id ? `report:${id}` : null, () =>
    callApi('report.get', { id: id as string }),
  )
  const draftKey = `mediate:${id ?? ''}`
  const [form, setFormState] = useState<MediateForm | null>(null)
  const [errors, setErrors] = useState<MediateErrors>({})
  const { submit, submitting, error, clearError } = useSubmit<ReportMediateInput, ReportView>(
    (input, requestId) => callApi('report.mediate', input, { requestId }),
  )

  useEffect(() => {
    if (!remote.data || form) return
    setFormState(loadDraft<MediateForm>(draftKey)?.value ?? formFrom(remote.data))
  }, [remote.data, form, draftKey])

  const setForm = useCallback(
    (change: (f: MediateForm) => MediateForm, touched?: MediateField) => {
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

  const save = useCallback(async (): Promise<ReportView | null> => {
    if (!id || !form) return null
    const { input, errors: problems } = validate(id, form)
    setErrors(problems)
    if (!input) return null
    const sent = await submit(input)
    if (!sent.ok) {
      if (sent.error?.code === 'INVALID_INPUT') setErrors(errorsFromDetails(sent.error.details))
      return null
    }
    clearDraft(draftKey)
    setFormState(formFrom(sent.data))
    remote.setData(() => sent.data)
    emitReportEvent({ type: 'changed', report: sent.data })
    return sent.data
  }, [id, form, submit, draftKey, remote])

  return {
    ...remote,
    report: remote.data,
    form,
    setForm,
    errors,
    save,
    saving: submitting,
    saveError: error,
    clearError,
  }
}
