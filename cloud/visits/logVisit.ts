import { AppError } from '@/domain/shared/errors'
import { isFutureVisit } from '@/domain/visits/rules'
import type { visitLogSchema } from '@/domain/visits'
import type { z } from 'zod'
import { announceReport, prepareReport, refuseReport, type PreparedReport } from '../reports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import type { NewFollowUp, UserCtx, VisitLogOutcome } from './ports'
import { loadHousehold } from './access'

type Answer = { visitId: string; reportId?: string }

function answer(outcome: VisitLogOutcome): Answer {
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'badPhotos') return refuseReport('badPhotos')
  return outcome.reportId ? { visitId: outcome.visitId, reportId: outcome.reportId } : { visitId: outcome.visitId }
}

/**
 * visit.log — a grid worker (or the committee) records a visit to a household of their grid(s). With
 * `raiseReport` (转为随手拍上报), the finding goes through report.create's own use case (routed to the household's
 * grid, working-day deadlines, messages, photo rules) and the store writes the report and the visit, linked, in one
 * transaction. A `vulnerable` finding marks the household for follow-up in the same transaction (a mark it already
 * has is kept). Idempotent per (caller, requestId): a repeat is answered before any report is prepared.
 */
export async function logVisit(input: z.output<typeof visitLogSchema>, ctx: UserCtx): Promise<Answer> {
  const { deps, user } = ctx
  const h = await loadHousehold(deps, user, input.householdId, 'write')
  const now = deps.clock.now().toISOString()
  if (isFutureVisit(input.visitedAt, now)) {
    throw new AppError('INVALID_INPUT', '走访时间不能晚于现在', [{ path: 'visitedAt', message: '走访时间不能晚于现在' }])
  }
  const key = idempotencyKey(ctx, 'visit.log', input)

  let report: PreparedReport | undefined
  if (input.raiseReport) {
    const prior = key ? await deps.store.visits.prior(key) : null
    if (prior) return answer(prior)
    const r = input.raiseReport
    report = await prepareReport(
      { category: r.category, description: r.description, gridId: h.gridId, ...(r.photoIds ? { photoIds: r.photoIds } : {}) },
      ctx,
    )
  }
  const followUp: NewFollowUp | undefined = input.followUp
    ? { householdId: h.id, communityId: h.communityId, gridId: h.gridId, ...input.followUp, markedBy: user.id, markedAt: now }
    : undefined
  const outcome = await deps.store.visits.log(
    {
      id: deps.ids.newId(),
      communityId: h.communityId,
      gridId: h.gridId,
      householdId: h.id,
      visitorId: user.id,
      visitedAt: new Date(input.visitedAt).toISOString(),
      met: input.met,
      finding: input.finding,
      note: input.note,
      createdAt: now,
    },
    key,
    { ...(report ? { report } : {}), ...(followUp ? { followUp } : {}) },
  )
  if (outcome.kind === 'logged' && outcome.newReport && report) await announceReport(deps, report)
  return answer(outcome)
}
