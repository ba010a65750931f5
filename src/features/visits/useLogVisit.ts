import { useCallback, useRef, useState } from 'react'
import type { HouseholdView } from '@/domain/residents'
import type { VisitFinding, VisitLogInput } from '@/domain/visits'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { emptyVisit, fieldOf, SUGGESTED_CATEGORY, validateVisit, type VisitErrors, type VisitFormValues } from './visitForm'

/** The households of the caller's grids to pick from (the roster's order, at most 100 a page). */
async function loadHouseholds(): Promise<HouseholdView[]> {
  const out: HouseholdView[] = []
  let cursor: string | null = null
  for (let i = 0; i < 10; i++) {
    const page: { items: HouseholdView[]; nextCursor: string | null } = await callApi('household.list', { limit: 100, ...(cursor ? { cursor } : {}) })
    out.push(...page.items)
    cursor = page.nextCursor
    if (!cursor) break
  }
  return out
}

/** INVALID_INPUT details from the server as the form's fields. */
function serverErrors(details: unknown): VisitErrors {
  const errors: VisitErrors = {}
  if (!Array.isArray(details)) return errors
  for (const d of details as { path?: unknown; message?: unknown }[]) {
    const field = fieldOf(String(d?.path ?? '').split('.'))
    if (field && typeof d.message === 'string' && !errors[field]) errors[field] = d.message
  }
  return errors
}

/**
 * 记录走访: the form, the households to pick from, and visit.log with one requestId per attempt (a retry after a
 * lost reply is the same visit and the same report on the server).
 */
export function useLogVisit(userId: string, householdId = '') {
  const [form, setForm] = useState<VisitFormValues>(() => emptyVisit(householdId))
  const [errors, setErrors] = useState<VisitErrors>({})
  const [done, setDone] = useState<{ visitId: string; reportId: string | null } | null>(null)
  const households = useRemote<HouseholdView[]>(`households:${userId}`, loadHouseholds)
  // "now" is fixed at the first attempt: a retry sends the same input, so it is the same write (one requestId)
  const startedAt = useRef<Date | null>(null)
  const sender = useSubmit((input: VisitLogInput, requestId: string) => callApi('visit.log', input, { requestId }))

  const setField = useCallback(<K extends keyof VisitFormValues>(key: K, value: VisitFormValues[K]) => {
    setForm((f) => {
      const next = { ...f, [key]: value }
      // a finding that suggests a category fills it in while none is chosen
      if (key === 'finding' && !f.category && value) next.category = SUGGESTED_CATEGORY[value as VisitFinding] ?? ''
      return next
    })
    const field = (key === 'when' ? 'visitedAt' : key === 'raise' ? 'category' : key) as keyof VisitErrors
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [])

  const submit = useCallback(async (): Promise<boolean> => {
    startedAt.current ??= new Date()
    const { input, errors: found } = validateVisit(form, startedAt.current)
    setErrors(found)
    if (!input) return false
    const r = await sender.submit(input)
    if (!r.ok) {
      if (r.error?.code === 'INVALID_INPUT') setErrors(serverErrors(r.error.details))
      return false
    }
    startedAt.current = null
    setDone({ visitId: r.data.visitId, reportId: r.data.reportId ?? null })
    return true
  }, [form, sender])

  const again = useCallback(() => {
    setDone(null)
    setForm(emptyVisit())
    setErrors({})
  }, [])

  return { form, setField, errors, households, submit, submitting: sender.submitting, submitError: sender.error, done, again }
}
