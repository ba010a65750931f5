import { AppError } from '@/domain/shared/errors'
import type { ReportView } from '@/domain/reports'
import type { ReportChange, ReportPatch, ReportRecord, UserCtx } from './ports'
import type { IdempotencyKey } from '../shared/ports'
import { KEY_REUSED } from '../shared/idempotency'
import { BAD_PHOTOS, RACE_MESSAGE } from './access'
import { sendOutbound } from '../shared/outbound'
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

/**
 * A retried write (the client re-sends its requestId after a lost reply), read after the report and before
 * the decision: a 受理 already applied would otherwise meet 处理中. Applied before → the first reply again,
 * which for these writes is the report as it is now, shaped for the caller (not a stored copy of the first
 * view); the same key with another input → CONFLICT. The store checks the key again inside the change's
 * transaction (two retries racing), so this read only spares the decision.
 */
export async function replayed(ctx: UserCtx, key: IdempotencyKey | null, reportId: string): Promise<ReportView | null> {
  if (!key) return null
  const state = await ctx.deps.store.reports.keyState(key)
  if (state === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  return state === 'replayed' ? viewFor(ctx.deps, reportId, ctx.user) : null
}

/**
 * Applies one change in the store's transaction (with its retry key, `change.idem`); a lost race → CONFLICT;
 * then the extra channels; the new view. A replay writes and sends nothing: the report as it is now.
 */
export async function commitChange(ctx: UserCtx, change: ReportChange): Promise<ReportView> {
  const { deps, user } = ctx
  const outcome = await deps.store.reports.change(change)
  if (outcome.kind === 'conflict') throw new AppError('CONFLICT', RACE_MESSAGE)
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'badPhotos') throw new AppError('INVALID_INPUT', BAD_PHOTOS, [{ path: 'photoIds', message: BAD_PHOTOS }])
  if (outcome.kind === 'done') await sendOutbound(deps, change.messages)
  return viewFor(deps, change.id, user)
}
