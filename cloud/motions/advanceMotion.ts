import { AppError } from '@/domain/errors'
import { nextStatus, type MotionView } from '@/domain/motion'
import type { z } from 'zod'
import type { motionIdSchema } from '@/domain/motion'
import type { UserCtx } from '../api/context'
import { sendOutbound } from '../reports/notify'
import { isCommitteeOf, motionMessages, visibleMotion } from './access'
import { viewFor } from './view'

/**
 * motion.advance — the committee moves a motion one phase on (draft → consultation → voting → closed) at any
 * time, overriding the schedule. Opening voting freezes the roster base; closing computes and publishes the
 * result. Messages to the eligible residents are written with the change.
 */
export async function advanceMotion(input: z.output<typeof motionIdSchema>, ctx: UserCtx): Promise<MotionView> {
  const { deps, user } = ctx
  // the phase the committee saw: when the schedule has just taken that very step (the time rule runs on
  // this read), the committee's step is done, not a second one (opening voting must never close it)
  const seen = await deps.store.motions.get(input.id)
  const m = await visibleMotion(ctx, input.id)
  if (!isCommitteeOf(user, m.communityId)) throw new AppError('FORBIDDEN', '只有社区/村委会可以推进议题')
  if (seen && seen.status !== m.status) return viewFor(deps, m, user)
  const to = nextStatus(m.status)
  if (!to) throw new AppError('CONFLICT', '表决已结束')
  const at = deps.clock.now().toISOString()
  const done = await deps.store.motions.advance(m.id, m.status, at, motionMessages(deps, at), {
    at,
    actorId: user.id,
    action: 'motion.advance',
    targetType: 'motion',
    targetId: m.id,
    communityId: m.communityId,
    detail: { from: m.status, to },
  })
  if (!done) throw new AppError('CONFLICT', '议题刚被推进过，请刷新后重试')
  await sendOutbound(deps, done.messages)
  return viewFor(deps, done.motion, user)
}
