import { AppError } from '@/domain/shared/errors'
import type { ReportSummaryCounts, ReportSummaryInput } from '@/domain/reports'
import type { ReportArea, UserCtx } from './ports'
import { assertGridOf, sweep } from './access'

/** report.summary — a committee's (community) or street's figures: by status, category, grid; overdue; 矛盾不上交. */
export async function viewReportSummary(input: ReportSummaryInput, ctx: UserCtx): Promise<ReportSummaryCounts> {
  const { deps, user } = ctx
  let area: ReportArea
  if (user.roles.includes('committee') && user.communityId) area = { communityId: user.communityId }
  else if (user.roles.includes('street') && user.streetId) area = { streetId: user.streetId }
  else throw new AppError('FORBIDDEN', '只有社区和街道工作人员可以查看统计')
  if (input.gridId) await assertGridOf(deps, area, input.gridId)
  await sweep(deps, area)
  const c = await deps.store.reports.counts(area, { ...(input.gridId ? { gridId: input.gridId } : {}), now: deps.clock.now().toISOString() })
  return {
    total: c.byStatus.reduce((n, s) => n + s.n, 0),
    byStatus: Object.fromEntries(c.byStatus.map((s) => [s.status, s.n])),
    byCategory: Object.fromEntries(c.byCategory.map((s) => [s.category, s.n])),
    byGrid: c.byGrid,
    overdue: c.overdue,
    disputes: {
      settled: c.disputesSettled,
      settledLocally: c.disputesSettledLocally,
      share: c.disputesSettled > 0 ? c.disputesSettledLocally / c.disputesSettled : null,
    },
  }
}
