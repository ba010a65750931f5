import type { ReportFigures } from '@/domain/reports'
import { isStaff } from '@/domain/shared/roles'
import type { UserCtx } from './ports'
import type { ReportListQuery } from './ports'
import { areaOf, sweep, tierAreaOf } from './access'
import { listQueryOf } from './listReports'

/**
 * report.counts — the figures beside the links to the caller's lists (随手拍 tab, 我的, the desks): each one
 * counted with the very query report.list runs for that list and viewer, so a figure never says more or less
 * than opening it shows.
 */
export async function countMyReports(_input: Record<string, never>, ctx: UserCtx): Promise<ReportFigures> {
  const { deps, user } = ctx
  await sweep(deps, areaOf(user))
  const now = deps.clock.now()
  const count = (q: ReportListQuery) => deps.store.reports.count(q)
  const figures: ReportFigures = {
    mine: {
      total: await count(await listQueryOf({ scope: 'mine' }, ctx, now)),
      open: await count({ kind: 'mine', reporterId: user.id, open: true }),
    },
    queue: null,
  }
  if (!hasQueue(ctx)) return figures
  const queue = (narrow: { status?: 'submitted' | 'accepted'; overdue?: true } = {}) =>
    listQueryOf({ scope: 'queue', ...narrow }, ctx, now).then(count)
  figures.queue = {
    total: await queue(),
    submitted: await queue({ status: 'submitted' }),
    accepted: await queue({ status: 'accepted' }),
    overdue: await queue({ overdue: true }),
  }
  return figures
}

/** Who has a queue: what report.list { scope: 'queue' } accepts (a 网格员 with grids, 社区, 街道, 区, 市). */
function hasQueue({ user }: UserCtx): boolean {
  if (!isStaff(user.roles)) return false
  return (
    (user.roles.includes('gridWorker') && user.grids.length > 0) ||
    (user.roles.includes('committee') && !!user.communityId) ||
    tierAreaOf(user) !== null
  )
}
