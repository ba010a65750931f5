import { AppError } from '@/domain/shared/errors'
import type { motionAssessRiskSchema, MotionView } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { isCommitteeOf, NOT_FOUND_MESSAGE, visibleMotion } from './access'
import { viewFor } from './view'

const NOT_MAJOR = '该议题未标记为重大事项，无需稳评；如需稳评，请先在议题中标记为重大事项'
const NOT_OPEN = '表决已开始或已结束，不能再提交稳评'

/**
 * motion.assessRisk — the committee files the 社会稳定风险评估 of a major motion in draft or consultation: the
 * risks by category, the consultation done (this motion's comments, meetings and visits it drew on), the level
 * and the mitigation. A new filing replaces the last; 低/中 clear the motion for voting, 高 waits for the street.
 * Idempotent per requestId. The linked comments must be this motion's.
 */
export async function assessMotionRisk(input: z.output<typeof motionAssessRiskSchema>, ctx: UserCtx): Promise<MotionView> {
  const { deps, user } = ctx
  const m = await visibleMotion(ctx, input.id)
  if (!isCommitteeOf(user, m.communityId)) throw new AppError('FORBIDDEN', '只有社区/村委会可以提交稳评')
  const commentIds = [...new Set(input.consultation.commentIds ?? [])]
  if (commentIds.length > 0) {
    const own = new Set((await deps.store.motions.comments(m.id)).map((c) => c.id))
    const foreign = commentIds.filter((id) => !own.has(id))
    if (foreign.length > 0) {
      throw new AppError('INVALID_INPUT', '关联的意见不属于本议题', [{ path: 'consultation.commentIds', message: '关联的意见不属于本议题' }])
    }
  }
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.motionRisks.file(
    {
      motionId: m.id,
      risks: input.risks,
      consultation: {
        summary: input.consultation.summary,
        commentIds,
        meetingIds: [...new Set(input.consultation.meetingIds ?? [])],
        visitIds: [...new Set(input.consultation.visitIds ?? [])],
      },
      level: input.level,
      mitigation: input.mitigation,
      filedBy: user.id,
      filedAt: at,
    },
    { at, actorId: user.id, action: 'motion.assessRisk', targetType: 'motion', targetId: m.id, communityId: m.communityId, detail: { level: input.level } },
    idempotencyKey(ctx, 'motion.assessRisk', input),
  )
  switch (outcome.kind) {
    case 'keyReused':
      throw new AppError('CONFLICT', KEY_REUSED)
    case 'notFound':
      throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
    case 'notMajor':
      throw new AppError('CONFLICT', NOT_MAJOR)
    case 'notOpen':
      throw new AppError('CONFLICT', NOT_OPEN)
    default:
      return viewFor(deps, outcome.motion, user)
  }
}
