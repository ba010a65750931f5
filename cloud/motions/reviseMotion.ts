import { AppError } from '@/domain/shared/errors'
import { motionShapeIssues, type motionUpdateSchema, type MotionView } from '@/domain/motions'
import type { z } from 'zod'
import type { MotionPatch, UserCtx } from './ports'
import { isCommitteeOf, toIso, visibleMotion } from './access'
import { viewFor } from './view'

const NOT_REVISABLE = '表决已开始，议题不能再修改'

/**
 * motion.update — the committee revises a motion in draft or consultation; every revision is kept (a snapshot of
 * title, preamble and articles with who and when). Kind and eligibility change only in draft.
 */
export async function reviseMotion(input: z.output<typeof motionUpdateSchema>, ctx: UserCtx): Promise<MotionView> {
  const { deps, user } = ctx
  const m = await visibleMotion(ctx, input.id)
  if (!isCommitteeOf(user, m.communityId)) throw new AppError('FORBIDDEN', '只有社区/村委会可以修改议题')
  if (m.status !== 'draft' && m.status !== 'consultation') throw new AppError('CONFLICT', NOT_REVISABLE)
  const kind = input.kind ?? m.kind
  const eligibility = input.eligibility ?? m.eligibility
  const patch: MotionPatch = {
    title: input.title ?? m.title,
    preamble: input.preamble === undefined ? m.preamble : input.preamble || null,
    articles: input.articles ?? m.articles,
    kind,
    options: kind === 'rules' ? null : input.options === undefined ? m.options : input.options,
    eligibility,
    consultUntil: input.consultUntil === undefined ? m.consultUntil : input.consultUntil === null ? null : toIso(input.consultUntil),
    voteFrom: input.voteFrom ? toIso(input.voteFrom) : m.voteFrom,
    voteUntil: input.voteUntil ? toIso(input.voteUntil) : m.voteUntil,
    major: input.major ?? m.riskGate !== 'none',
  }
  const issues = motionShapeIssues(patch)
  if (issues.length > 0) throw new AppError('INVALID_INPUT', issues[0]!.message, issues)
  const at = deps.clock.now().toISOString()
  const revised = await deps.store.motions.revise(m.id, patch, user.id, at, {
    at,
    actorId: user.id,
    action: 'motion.update',
    targetType: 'motion',
    targetId: m.id,
    communityId: m.communityId,
  })
  if (!revised) throw new AppError('CONFLICT', NOT_REVISABLE)
  // the store decides by the status inside its transaction: a draft published since it was read is locked too
  if (revised.kind === 'kindLocked') throw new AppError('CONFLICT', '征求意见期间不能更改表决类型和投票资格')
  if (revised.kind === 'majorLocked') throw new AppError('CONFLICT', '议题已公布，不能取消重大事项标记')
  return viewFor(deps, revised.motion, user)
}
