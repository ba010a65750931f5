import { AppError } from '@/domain/shared/errors'
import type { motionCommentSchema, MotionCommentView } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { assertCleanText } from '../shared/contentGuard'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { isCommitteeOf, visibleMotion } from './access'
import { commentView } from './view'

/**
 * motion.comment — a verified resident of the community comments on the whole motion or one article (征求意见).
 * Idempotent per requestId: a retry whose first reply was lost answers the comment written then.
 */
export async function commentOnMotion(input: z.output<typeof motionCommentSchema>, ctx: UserCtx): Promise<MotionCommentView> {
  const { deps, user } = ctx
  const m = await visibleMotion(ctx, input.id)
  if (!user.verified) throw new AppError('FORBIDDEN', '认证为本社区居民后才能提意见')
  if (input.articleIndex !== undefined && input.articleIndex >= m.articles.length) {
    throw new AppError('INVALID_INPUT', '没有这一条条文', [{ path: 'articleIndex', message: '没有这一条条文' }])
  }
  await assertCleanText(deps, [input.text], user.id, 'comment')
  const at = deps.clock.now().toISOString()
  // the phase is checked by the store's conditional insert, after the replay (a retry once consultation closed)
  const added = await deps.store.motions.addComment(
    { id: deps.ids.newId(), motionId: m.id, authorId: user.id, articleIndex: input.articleIndex ?? null, text: input.text, at },
    idempotencyKey(ctx, 'motion.comment', input),
  )
  if (!added) throw new AppError('CONFLICT', m.status === 'consultation' ? '征求意见已结束' : '当前不在征求意见期')
  if (added.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  return commentView(added.comment, user, isCommitteeOf(user, m.communityId))
}
