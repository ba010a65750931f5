import type { ReportDeadlines } from '@/domain/reports'
import type { UserCtx } from './ports'
import { requireCommunity, resolveDaysOf } from './access'

/** report.deadlines — any member: the working days to 办结 per category in their community. */
export async function viewReportDeadlines(_input: Record<string, never>, ctx: UserCtx): Promise<ReportDeadlines> {
  return { days: await resolveDaysOf(ctx.deps, requireCommunity(ctx.user)) }
}
