import type { ResidentApplicationView } from '@/domain/residents'
import type { VolunteerApplicationView } from '@/domain/volunteers'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'

/** The caller's latest 住户认证 application (null: never applied). `enabled` false: nothing is loaded. */
export function useMyApplication(userId: string | null, enabled = true) {
  const remote = useRemote<ResidentApplicationView | null>(userId && enabled ? `my-application:${userId}` : null, () =>
    callApi('resident.myApplication', {}),
  )
  return { ...remote, application: remote.data }
}

/** The caller's latest 志愿者 application (null: never applied). */
export function useMyVolunteerApplication(userId: string | null, enabled = true) {
  const remote = useRemote<VolunteerApplicationView | null>(userId && enabled ? `my-volunteer:${userId}` : null, () =>
    callApi('volunteer.myApplication', {}),
  )
  return { ...remote, application: remote.data }
}
