import { useCallback } from 'react'
import type { WarningAssessInput, WarningDetail, WarningRulesView, WarningSetRulesInput, WarningStatus, WarningSummary, WarningView } from '@/domain/warnings'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'

/** The 预警 list of the caller's area, by status (all: no filter), paged. */
export function useWarningList(userId: string, status: WarningStatus | 'all') {
  return usePagedList<WarningView>(`warnings:${userId}:${status}`, (cursor) =>
    callApi('warning.list', { limit: 20, ...(status === 'all' ? {} : { status }), ...(cursor ? { cursor } : {}) }),
  )
}

/** One warning with its figures and 会商研判, and recording one (reloaded after). */
export function useWarning(id: string | null) {
  const remote = useRemote<WarningDetail>(id ? `warning:${id}` : null, () => callApi('warning.get', { id: id! }))
  const send = useSubmit((input: WarningAssessInput, requestId: string) => callApi('warning.assess', input, { requestId }))
  const { reload } = remote
  const assess = useCallback(
    async (input: WarningAssessInput): Promise<boolean> => {
      const r = await send.submit(input)
      if (r.ok) await reload({ silent: true })
      return r.ok
    },
    [send, reload],
  )
  return { ...remote, assess, saving: send.submitting, saveError: send.error }
}

/** The community's warning rules; the committee saves new parameters. */
export function useWarningRules(userId: string) {
  const remote = useRemote<WarningRulesView>(`warning-rules:${userId}`, () => callApi('warning.rules', {}))
  const send = useSubmit((input: WarningSetRulesInput, requestId: string) => callApi('warning.setRules', input, { requestId }))
  const { reload } = remote
  const save = useCallback(
    async (input: WarningSetRulesInput): Promise<boolean> => {
      const r = await send.submit(input)
      if (r.ok) await reload({ silent: true })
      return r.ok
    },
    [send, reload],
  )
  return { ...remote, save, saving: send.submitting, saveError: send.error }
}

/** 问题总览's 预警 figures (the last 30 days of the caller's area); null key: not asked (tiers, residents). */
export function useWarningSummary(key: string | null) {
  return useRemote<WarningSummary>(key, () => callApi('warning.summary', {}))
}
