import { useCallback } from 'react'
import type { PointsRules, PointsRulesView } from '@/domain/points'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'

/** The community's points rules; the committee saves new ones (points.setRules). */
export function useRules() {
  const remote = useRemote<PointsRulesView>('points:rules', () => callApi('points.rules', {}))
  const save = useSubmit((rules: PointsRules, requestId: string) => callApi('points.setRules', rules, { requestId }))
  const { setData } = remote
  const saveRules = useCallback(
    async (rules: PointsRules): Promise<boolean> => {
      const r = await save.submit(rules)
      if (r.ok) setData(() => r.data)
      return r.ok
    },
    [save, setData],
  )
  return { ...remote, saveRules, saving: save.submitting, saveError: save.error }
}
