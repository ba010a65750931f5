import type { ReportIdInput, ReportView } from '@/domain/reports'
import type { UserCtx } from './ports'
import { sweep, visibleReport } from './access'
import { viewFor } from './view'

/** report.get — the whole report with its timeline, shaped by who asks. */
export async function viewReport(input: ReportIdInput, ctx: UserCtx): Promise<ReportView> {
  const { deps, user } = ctx
  const first = await deps.store.reports.get(input.id)
  if (first) await sweep(deps, { communityId: first.communityId })
  const { report } = await visibleReport(input.id, ctx)
  return viewFor(deps, report.id, user)
}
