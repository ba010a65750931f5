import { AppError } from '@/domain/shared/errors'
import type { ReportRateInput, ReportView } from '@/domain/reports'
import { canRate } from '@/domain/reports/flow'
import type { UserCtx } from './ports'
import { assertCleanText } from '../shared/contentGuard'
import { factsOf, visibleReport } from './access'
import { idempotencyKey } from '../shared/idempotency'
import { commitChange, patchOf, replayed } from './change'

/** report.rate — the reporter rates a resolved report 1–5, once (a conditional update: a second call is CONFLICT). */
export async function rateReport(input: ReportRateInput, ctx: UserCtx): Promise<ReportView> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.id, ctx)
  const idem = idempotencyKey(ctx, 'report.rate', input)
  const replay = await replayed(ctx, idem, report.id)
  if (replay) return replay
  const now = deps.clock.now()
  const d = canRate(factsOf(report, now), access.rel, now)
  if (!d.ok) throw new AppError(d.code, d.message)
  const comment = input.comment ? input.comment : null
  if (comment) await assertCleanText(deps, [comment], user.id, 'comment')
  const at = now.toISOString()
  return commitChange(ctx, {
    id: report.id,
    version: report.version,
    patch: { ...patchOf(report), status: d.status, rating: input.score, ratingComment: comment, ratedAt: at, closedAt: at },
    at,
    event: { actorId: user.id, action: 'rate', note: comment ? `${input.score} 星：${comment}` : `${input.score} 星`, toUserId: null },
    eventPhotoIds: [],
    photoOwnerId: user.id,
    messages: [],
    idem,
  })
}
