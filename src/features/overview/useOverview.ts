import { useMemo, useState } from 'react'
import { presetPeriod, type Overview, type OverviewBucket, type OverviewGetInput } from '@/domain/overview'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'

export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'last3Months' | 'custom'
export const PRESET_LABELS: Record<PeriodPreset, string> = { thisMonth: '本月', lastMonth: '上月', last3Months: '近三月', custom: '自定义' }

export interface OverviewChoice {
  preset: PeriodPreset
  /** custom dates 'YYYY-MM-DD' ('' until chosen) */
  from: string
  to: string
  bucket: OverviewBucket
}

export const FIRST_CHOICE: OverviewChoice = { preset: 'thisMonth', from: '', to: '', bucket: 'day' }

/** The call's payload for a choice; null while a custom period lacks a date. */
export function overviewPayload(c: OverviewChoice, now: Date): OverviewGetInput | null {
  if (c.preset === 'custom') return c.from && c.to ? { from: c.from, to: c.to, bucket: c.bucket } : null
  return { ...presetPeriod(c.preset, now), bucket: c.bucket }
}

/** 总览: the caller's own area over the chosen period and bucket. */
export function useOverview(userId: string | null, now: () => Date = () => new Date()) {
  const [choice, setChoice] = useState<OverviewChoice>(FIRST_CHOICE)
  const payload = useMemo(() => overviewPayload(choice, now()), [choice]) // eslint-disable-line react-hooks/exhaustive-deps
  const remote = useRemote<Overview>(userId && payload ? `overview:${userId}:${JSON.stringify(payload)}` : null, () =>
    callApi('overview.get', payload ?? {}),
  )
  return { ...remote, choice, setChoice, waitingForDates: payload === null }
}
