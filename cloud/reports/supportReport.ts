import { AppError } from '@/domain/shared/errors'
import type { ReportIdInput } from '@/domain/reports'
import { canSupport } from '@/domain/reports/flow'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { factsOf, visibleReport } from './access'

const CLOSED = '这个问题已结束，不能再支持'

/**
 * report.support — "我也遇到": a resident adds their support to an open public report, once. A retry with
 * the same requestId gets the supporters as they are now (read before the decision, so a report closed in
 * between still answers the retry; checked again in the store's transaction); another input → CONFLICT.
 */
export async function supportReport(input: ReportIdInput, ctx: UserCtx): Promise<{ supporters: number }> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.id, ctx)
  const idem = idempotencyKey(ctx, 'report.support', input)
  if (idem) {
    const state = await deps.store.reports.keyState(idem)
    if (state === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
    if (state === 'replayed') return { supporters: report.supporters }
  }
  const now = deps.clock.now()
  const d = canSupport(factsOf(report, now), access.rel)
  if (!d.ok) throw new AppError(d.code, d.message)
  if (report.moderation !== 'clean') throw new AppError('CONFLICT', '这个问题正在审核，暂不能支持')
  const r = await deps.store.reports.support(report.id, user.id, now.toISOString(), idem)
  if (r.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (r.kind === 'closed') throw new AppError('CONFLICT', CLOSED)
  return { supporters: r.supporters }
}
