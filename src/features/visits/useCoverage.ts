import { useCallback } from 'react'
import type { VisitCoverage } from '@/domain/visits'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'

/** The committee's coverage of the visit plan (per grid and worker), and the plan's period (visit.setPlan). */
export function useCoverage(userId: string) {
  const remote = useRemote<VisitCoverage>(`coverage:${userId}`, () => callApi('visit.coverage', { limit: 1 }))
  const plan = useSubmit((months: number, requestId: string) => callApi('visit.setPlan', { months }, { requestId }))
  const { reload } = remote
  const setPlan = useCallback(
    async (months: number): Promise<boolean> => {
      const r = await plan.submit(months)
      if (r.ok) await reload({ silent: true })
      return r.ok
    },
    [plan, reload],
  )
  return { ...remote, setPlan, saving: plan.submitting, saveError: plan.error }
}
