import { useCallback, useState } from 'react'
import {
  DEFAULT_RESOLVE_DAYS,
  REPORT_CATEGORIES,
  reportSetDeadlinesSchema,
  type ReportCategory,
  type ReportDeadlines,
} from '@/domain/reports'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'

export type DaysDraft = Record<ReportCategory, string>
export type DaysErrors = Partial<Record<ReportCategory, string>>

export function draftOf(d: ReportDeadlines): DaysDraft {
  return Object.fromEntries(
    REPORT_CATEGORIES.map((c) => [c, String(d.days[c] ?? DEFAULT_RESOLVE_DAYS[c])]),
  ) as DaysDraft
}

/** Check a typed table with the server's schema; every category's message of its own. */
export function parseDays(draft: DaysDraft): {
  days: Record<ReportCategory, number> | null
  errors: DaysErrors
} {
  const errors: DaysErrors = {}
  const days: Partial<Record<ReportCategory, number>> = {}
  for (const c of REPORT_CATEGORIES) {
    const text = draft[c].trim()
    if (!/^\d+$/.test(text)) {
      errors[c] = text ? '天数须为整数' : '请填写天数'
      continue
    }
    days[c] = Number(text)
  }
  const parsed = reportSetDeadlinesSchema.safeParse({ days })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const c = issue.path[1] as ReportCategory
      if (c && !errors[c]) errors[c] = issue.message
    }
  }
  if (Object.keys(errors).length) return { days: null, errors }
  return { days: days as Record<ReportCategory, number>, errors }
}

/** 办结时限: the community's working days per category (committee), read and saved. */
export function useDeadlines(enabled = true) {
  const remote = useRemote<ReportDeadlines>(enabled ? 'report-deadlines' : null, () =>
    callApi('report.deadlines', {}),
  )
  const { setData } = remote
  const { submit, submitting, error, clearError } = useSubmit<
    { days: Record<ReportCategory, number> },
    ReportDeadlines
  >((input, requestId) => callApi('report.setDeadlines', input, { requestId }))
  const [savedAt, setSavedAt] = useState<number | null>(null)

  const save = useCallback(
    async (draft: DaysDraft): Promise<DaysErrors | null> => {
      const { days, errors } = parseDays(draft)
      if (!days) return errors
      setSavedAt(null)
      const sent = await submit({ days })
      if (!sent.ok) return {}
      setData(() => sent.data)
      setSavedAt(Date.now())
      return null
    },
    [submit, setData],
  )
  return {
    ...remote,
    deadlines: remote.data,
    save,
    saving: submitting,
    saveError: error,
    clearError,
    savedAt,
  }
}
