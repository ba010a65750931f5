import { AppError } from '@/domain/errors'
import type { ReportIdInput } from '@/domain/report'
import { canSupport } from '@/domain/reportFlow'
import type { UserCtx } from '../api/context'
import { factsOf, visibleReport } from './access'

/** report.support — "我也遇到": a member adds their support to an open public report, once. */
export async function supportReport(input: ReportIdInput, ctx: UserCtx): Promise<{ supporters: number }> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.id, ctx)
  const now = deps.clock.now()
  const d = canSupport(factsOf(report, now), access.rel)
  if (!d.ok) throw new AppError(d.code, d.message)
  if (report.moderation !== 'clean') throw new AppError('CONFLICT', '这个问题正在审核，暂不能支持')
  const r = await deps.store.reports.support(report.id, user.id, now.toISOString())
  if (!r) throw new AppError('CONFLICT', '这个问题已结束，不能再支持')
  return { supporters: r.supporters }
}
