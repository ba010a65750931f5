import { AppError } from '@/domain/shared/errors'
import type { motionReplySchema, MotionCommentView } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { isCommitteeOf } from './access'
import { commentView } from './view'
import { grantPoints } from '../points'

const NOT_FOUND = '意见不存在，或您无权查看'

/**
 * motion.reply — the committee answers a comment (a later reply replaces the earlier one). Idempotent per
 * requestId: a retry answers the comment as it is, writing nothing. The comment's author earns 积分 (comment_answered)
 * right after the reply's commit, once per comment (idempotent: a retry heals a lost grant; a later reply grants nothing).
 */
export async function replyToComment(input: z.output<typeof motionReplySchema>, ctx: UserCtx): Promise<MotionCommentView> {
  const { deps, user } = ctx
  const c = await deps.store.motions.comment(input.commentId)
  const m = c ? await deps.store.motions.get(c.motionId) : null
  if (!c || !m || user.communityId !== m.communityId) throw new AppError('NOT_FOUND', NOT_FOUND)
  if (!isCommitteeOf(user, m.communityId)) throw new AppError('FORBIDDEN', '只有社区/村委会可以回复意见')
  const at = deps.clock.now().toISOString()
  const replied = await deps.store.motions.reply(c.id, input.text, user.id, at, {
    at,
    actorId: user.id,
    action: 'motion.reply',
    targetType: 'motionComment',
    targetId: c.id,
    communityId: m.communityId,
  }, idempotencyKey(ctx, 'motion.reply', input))
  if (!replied) throw new AppError('NOT_FOUND', NOT_FOUND)
  if (replied.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (c.authorId !== user.id) {
    await grantPoints(deps, { communityId: m.communityId, userId: c.authorId, kind: 'comment_answered', sourceId: c.id, detail: m.title })
  }
  return commentView(replied.comment, user, true)
}
