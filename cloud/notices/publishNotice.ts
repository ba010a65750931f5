import { createHash } from 'node:crypto'
import { AppError } from '@/domain/shared/errors'
import type { Notice, NoticePublish } from '@/domain/notices'
import type { UserCtx } from './ports'
import { assertCleanText } from '../shared/contentGuard'
import { isCommittee } from './policy'
import { toNotice } from './view'

/**
 * notice.publish — a committee member posts a notice to their whole community or to chosen grids.
 * Idempotent per (member, requestId): a retried publish returns the notice the first call made.
 */
export async function publishNotice(input: NoticePublish, ctx: UserCtx): Promise<Notice> {
  const { deps, user } = ctx
  if (!isCommittee(user) || !user.communityId) throw new AppError('FORBIDDEN', '只有社区工作人员可以发布通知')
  const community = await deps.store.communities.get(user.communityId)
  if (!community) throw new AppError('FORBIDDEN', '只有社区工作人员可以发布通知')

  const gridIds = input.gridIds ? [...new Set(input.gridIds)].sort() : null
  const own = new Set(community.grids.map((g) => g.id))
  if (gridIds?.some((g) => !own.has(g))) throw new AppError('FORBIDDEN', '只能发布到本社区的网格')

  const now = deps.clock.now()
  // a publish time already past (a retried draft, a slow clock) means "now"
  const publishAt = input.publishAt && Date.parse(input.publishAt) > now.getTime() ? new Date(input.publishAt) : now
  const expireAt = input.expireAt ? new Date(input.expireAt) : null
  if (expireAt && expireAt.getTime() <= publishAt.getTime()) {
    throw new AppError('INVALID_INPUT', '失效时间必须晚于发布时间', [{ path: 'expireAt', message: '失效时间必须晚于发布时间' }])
  }

  const flagged = await assertCleanText(deps, [input.title, input.body], user.id, 'notice')

  const id = deps.ids.newId()
  const at = now.toISOString()
  const outcome = await deps.store.notices.publish(
    {
      id,
      communityId: community.id,
      authorId: user.id,
      title: input.title,
      body: input.body,
      category: input.category,
      pinned: input.pinned ?? false,
      important: input.important ?? false,
      gridIds,
      publishAt: publishAt.toISOString(),
      expireAt: expireAt?.toISOString() ?? null,
      createdAt: at,
    },
    {
      at,
      actorId: user.id,
      action: 'notice.publish',
      targetType: 'notice',
      targetId: id,
      communityId: community.id,
      detail: { title: input.title, gridIds, pinned: !!input.pinned, important: !!input.important, ...(flagged ? { flagged } : {}) },
    },
    ctx.requestId
      ? {
          userId: user.id,
          action: 'notice.publish',
          requestId: ctx.requestId,
          fingerprint: createHash('sha256').update(JSON.stringify(input)).digest('base64url'),
        }
      : null,
  )
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', '这个请求编号已用于另一条通知，请刷新后重试')
  return toNotice(outcome.notice, null, false, now, community.grids)
}
