import { useCallback } from 'react'
import type { Me } from '@/domain/auth'
import type { MotionStatus } from '@/domain/motions'
import { tierOf, type Tier } from '@/domain/shared/roles'
import { hasRole } from '@/features/auth'
import { useRemote } from '../common/useRemote'
import { loadOpenMotions } from '@/features/motions'
import { countUpcomingShifts } from '@/features/patrols'
import { useReportCounts } from '@/features/reports'
import { pendingCount } from '@/features/residents'
import { countDueFollowUps } from '@/features/visits'

/**
 * Whose desk: the committee's 社区工作, a tier's (街道工作, 区/市综治工作: the highest it acts at), a grid worker's
 * 网格工作; null for residents.
 */
export type DeskKind = 'committee' | Tier | 'gridWorker'

export function deskKind(me: Pick<Me, 'roles'>): DeskKind | null {
  if (hasRole(me, 'committee')) return 'committee'
  const tier = tierOf(me.roles)
  if (tier) return tier
  if (hasRole(me, 'gridWorker')) return 'gridWorker'
  return null
}

/** A figure beside a link: `more` when the list it opens holds more than one page counts (shown "100+"). */
export interface DeskCount {
  n: number
  more: boolean
}

export interface CommitteeFigures {
  residents: DeskCount
  volunteers: DeskCount
  motions: Record<Extract<MotionStatus, 'voting' | 'consultation' | 'draft'>, number> & { more: boolean }
  shifts: DeskCount
}

/**
 * The figures of a desk, each taken from the list its link opens, asked the way that page asks: 待办问题 from
 * report.counts (counted with the queue's own query), 审核 from the pending applications, 议事 from the 议事
 * tab's open motions, 巡逻 from the 巡逻 tab's shifts. So a figure is always what opening it shows.
 */
export function useDesk(me: Me) {
  const kind = deskKind(me)
  const reports = useReportCounts(me.id, kind !== null)
  const committee = useRemote<CommitteeFigures>(kind === 'committee' ? `desk:${me.id}` : null, async () => {
    const [residents, volunteers, open, shifts] = await Promise.all([
      pendingCount('resident'),
      pendingCount('volunteer'),
      loadOpenMotions(true),
      countUpcomingShifts(),
    ])
    const motions = { voting: 0, consultation: 0, draft: 0, more: open.more }
    for (const m of open.items) if (m.status in motions) motions[m.status as 'voting' | 'consultation' | 'draft']++
    return {
      residents: { n: residents.count, more: residents.more },
      volunteers: { n: volunteers.count, more: volunteers.more },
      motions,
      shifts,
    }
  })
  // 走访: the follow-ups due in the grid worker's grids (the committee's: its community's), beside the reports
  const visits = useRemote<number>(kind === 'gridWorker' || kind === 'committee' ? `desk-visits:${me.id}` : null, countDueFollowUps)
  const { reload: reloadReports } = reports
  const { reload: reloadCommittee } = committee
  const { reload: reloadVisits } = visits
  const reload = useCallback(async () => {
    const visitsToo = kind === 'gridWorker' || kind === 'committee'
    await Promise.all([
      reloadReports({ silent: true }),
      kind === 'committee' ? reloadCommittee({ silent: true }) : undefined,
      visitsToo ? reloadVisits({ silent: true }) : undefined,
    ])
  }, [reloadReports, reloadCommittee, reloadVisits, kind])
  return { kind, reports, committee, visits, reload }
}
