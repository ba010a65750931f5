import { AppError } from '@/domain/shared/errors'
import type { ReportView, reportEditSchema } from '@/domain/reports'
import { canEdit } from '@/domain/reports/flow'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import type { NewMessage } from '../messages'
import { moderationOf } from './moderation'
import { factsOf, resolveDaysOf, visibleReport } from './access'
import { idempotencyKey } from '../shared/idempotency'
import { commitChange, patchOf, replayed } from './change'
import { messageTo } from './messages'

type Input = z.output<typeof reportEditSchema>

/**
 * report.edit — the reporter changes their report before it is accepted (or while it is returned to them,
 * which resubmits it on fresh deadlines); switching to anonymous is allowed at any time.
 */
export async function editMyReport(input: Input, ctx: UserCtx): Promise<ReportView> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.id, ctx)
  const idem = idempotencyKey(ctx, 'report.edit', input)
  const replay = await replayed(ctx, idem, report.id)
  if (replay) return replay
  const now = deps.clock.now()
  const at = now.toISOString()
  const { id: _id, ...fields } = input
  const onlyAnonymise = Object.keys(fields).length === 1 && fields.anonymous === true
  const d = canEdit(factsOf(report, now), access.rel, onlyAnonymise)
  if (!d.ok) throw new AppError(d.code, d.message)

  const patch = { ...patchOf(report), status: d.status }
  if (fields.anonymous !== undefined) patch.anonymous = fields.anonymous
  if (fields.visibility !== undefined) patch.visibility = fields.visibility
  if (fields.category !== undefined) patch.category = fields.category
  let recheck: 'queue' | 'drop' | undefined
  if (fields.description !== undefined) {
    patch.description = fields.description
    const checked = await moderationOf(deps, [fields.description, report.address ?? ''], user.id)
    patch.moderation = checked.moderation
    recheck = checked.unchecked ? 'queue' : 'drop'
  }
  const resubmitted = report.status === 'returned' && d.status === 'submitted'
  const days = (await resolveDaysOf(deps, report.communityId))[patch.category]
  if (resubmitted) {
    patch.acceptBy = acceptDeadline(now).toISOString()
    patch.resolveBy = resolveDeadline(now, days).toISOString()
  } else if (patch.category !== report.category) {
    patch.resolveBy = resolveDeadline(new Date(report.createdAt), days).toISOString()
  }
  const messages: NewMessage[] = []
  if (resubmitted) {
    const to = report.assigneeId
      ? [report.assigneeId]
      : await deps.store.reports.handlersOf(report.level, report)
    for (const u of to) messages.push(messageTo(deps, u, { ...report, ...patch }, '问题已补充，请重新受理', null, at))
  }
  return commitChange(ctx, {
    id: report.id,
    version: report.version,
    patch,
    at,
    event: { actorId: user.id, action: 'edit', note: resubmitted ? '已补充信息，重新提交' : null, toUserId: null },
    eventPhotoIds: [],
    ...(fields.photoIds ? { reportPhotoIds: fields.photoIds } : {}),
    photoOwnerId: user.id,
    messages,
    idem,
    ...(recheck ? { recheck } : {}),
  })
}
