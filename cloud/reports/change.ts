import { AppError } from '@/domain/errors'
import type { ReportView } from '@/domain/report'
import type { UserCtx } from '../api/context'
import type { ReportChange, ReportPatch, ReportRecord } from '../ports'
import { BAD_PHOTOS, RACE_MESSAGE } from './access'
import { sendOutbound } from './notify'
import { viewFor } from './view'

/** The mutable columns of a report as they are now (a use case changes some of them). */
export function patchOf(r: ReportRecord): ReportPatch {
  return {
    status: r.status,
    level: r.level,
    maxLevel: r.maxLevel,
    gridId: r.gridId,
    assigneeId: r.assigneeId,
    category: r.category,
    description: r.description,
    anonymous: r.anonymous,
    visibility: r.visibility,
    moderation: r.moderation,
    acceptBy: r.acceptBy,
    resolveBy: r.resolveBy,
    reopenCount: r.reopenCount,
    acceptedAt: r.acceptedAt,
    resolvedAt: r.resolvedAt,
    closedAt: r.closedAt,
    rating: r.rating,
    ratingComment: r.ratingComment,
    ratedAt: r.ratedAt,
  }
}

/** Applies one change in the store's transaction; a lost race → CONFLICT; then the extra channels; the new view. */
export async function commitChange(ctx: UserCtx, change: ReportChange): Promise<ReportView> {
  const { deps, user } = ctx
  const outcome = await deps.store.reports.change(change)
  if (outcome.kind === 'conflict') throw new AppError('CONFLICT', RACE_MESSAGE)
  if (outcome.kind === 'badPhotos') throw new AppError('INVALID_INPUT', BAD_PHOTOS, [{ path: 'photoIds', message: BAD_PHOTOS }])
  await sendOutbound(deps, change.messages)
  return viewFor(deps, change.id, user)
}
