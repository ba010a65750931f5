import { AppError } from '@/domain/shared/errors'
import type { motionSignOffRiskSchema, MotionView } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { visibleMotion } from './access'
import { signsOffFor } from './risk'
import { viewFor } from './view'

/**
 * motion.signOffRisk — the street approves or returns a major motion's 高 assessment, naming the revision it
 * read (a filing made since is not signed unseen: CONFLICT). Approval lets the motion enter voting.
 */
export async function signOffMotionRisk(input: z.output<typeof motionSignOffRiskSchema>, ctx: UserCtx): Promise<MotionView> {
  const { deps, user } = ctx
  const m = await visibleMotion(ctx, input.id)
  if (!signsOffFor(user, await deps.store.communities.get(m.communityId))) {
    throw new AppError('FORBIDDEN', '只有议题所在社区的街道可以审核高风险稳评')
  }
  if (m.status !== 'consultation') throw new AppError('CONFLICT', '议题不在征求意见阶段，不能审核稳评')
  const at = deps.clock.now().toISOString()
  const note = input.note || null
  const outcome = await deps.store.motionRisks.signOff(
    { motionId: m.id, rev: input.rev, decision: input.decision, by: user.id, at, note },
    { at, actorId: user.id, action: 'motion.signOffRisk', targetType: 'motion', targetId: m.id, communityId: m.communityId, detail: { rev: input.rev, decision: input.decision } },
  )
  if (outcome.kind === 'stale') throw new AppError('CONFLICT', '稳评已更新或已审核过，请刷新后查看最新内容')
  return viewFor(deps, outcome.motion, user)
}
