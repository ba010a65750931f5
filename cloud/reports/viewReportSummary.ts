import { AppError } from '@/domain/shared/errors'
import type { ReportSummaryCounts, ReportSummaryInput } from '@/domain/reports'
import type { ReportArea, UserCtx } from './ports'
import { assertGridOf, sweep, tierAreaOf } from './access'

/**
 * report.summary — a committee's (community), street's, district's or city's figures: by status, category, and by
 * grid (community, street), street (district) or district (city); overdue; 矛盾不上交.
 */
export async function viewReportSummary(input: ReportSummaryInput, ctx: UserCtx): Promise<ReportSummaryCounts> {
  const { deps, user } = ctx
  const area: ReportArea | undefined =
    user.roles.includes('committee') && user.communityId ? { communityId: user.communityId } : tierAreaOf(user)?.area
  if (!area) throw new AppError('FORBIDDEN', '只有社区、街道、区和市的工作人员可以查看统计')
  if (input.gridId) await assertGridOf(deps, area, input.gridId)
  await sweep(deps, area)
  const byGrids = 'communityId' in area || 'streetId' in area
  const c = await deps.store.reports.counts(area, { ...(input.gridId ? { gridId: input.gridId } : {}), now: deps.clock.now().toISOString() })
  return {
    total: c.byStatus.reduce((n, s) => n + s.n, 0),
    byStatus: Object.fromEntries(c.byStatus.map((s) => [s.status, s.n])),
    byCategory: Object.fromEntries(c.byCategory.map((s) => [s.category, s.n])),
    byGrid: byGrids ? c.byUnit.map(({ id, name, ...n }) => ({ gridId: id, gridName: name, ...n })) : [],
    byArea: byGrids ? [] : c.byUnit,
    overdue: c.overdue,
    disputes: {
      settled: c.disputesSettled,
      settledLocally: c.disputesSettledLocally,
      share: c.disputesSettled > 0 ? c.disputesSettledLocally / c.disputesSettled : null,
    },
  }
}
