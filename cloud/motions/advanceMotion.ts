import { AppError } from '@/domain/shared/errors'
import { MOTION_STATUS_LABELS, nextStatus, riskBlock, type motionAdvanceSchema, type MotionView } from '@/domain/motions'
import type { z } from 'zod'
import type { MotionRecord, UserCtx } from './ports'
import { sendOutbound } from '../shared/outbound'
import { isCommitteeOf, motionMessages, NOT_FOUND_MESSAGE, visibleMotion } from './access'
import { viewFor } from './view'

/**
 * motion.advance — the committee moves a motion one phase on (draft → consultation → voting → closed) at any
 * time, overriding the schedule. Opening voting freezes the roster base; closing computes and publishes the
 * result. Messages to the eligible residents are written with the change.
 *
 * `from` (the phase the committee saw) makes a retry safe: the store steps only from that phase; a motion
 * already one step past it (an earlier tap whose reply was lost, or the schedule) is answered as it is, any
 * other phase is CONFLICT. Without `from`, the step is from the phase found now.
 *
 * A major motion enters voting only with a 稳评 that clears it (RISK_ASSESSMENT_REQUIRED, said the way riskBlock
 * says it); the store checks the gate inside the step, this answer is for the committee to read.
 */
export async function advanceMotion(input: z.output<typeof motionAdvanceSchema>, ctx: UserCtx): Promise<MotionView> {
  const { deps, user } = ctx
  // without `from`: when the schedule has just taken that very step (the time rule runs on this read), the
  // committee's step is done, not a second one (opening voting must never close it)
  const seen = input.from ? null : await deps.store.motions.get(input.id)
  const m = await visibleMotion(ctx, input.id)
  if (!isCommitteeOf(user, m.communityId)) throw new AppError('FORBIDDEN', '只有社区/村委会可以推进议题')
  if (seen && seen.status !== m.status) return viewFor(deps, m, user)
  const from = input.from ?? m.status
  const to = nextStatus(from)
  if (!to) throw new AppError('CONFLICT', '表决已结束')
  if (from === 'consultation' && m.status === 'consultation') await assertNotHeldByRisk(ctx, m)
  const at = deps.clock.now().toISOString()
  const done = await deps.store.motions.advance(m.id, from, at, motionMessages(deps, at), {
    at,
    actorId: user.id,
    action: 'motion.advance',
    targetType: 'motion',
    targetId: m.id,
    communityId: m.communityId,
    detail: { from, to },
  })
  if (done) {
    await sendOutbound(deps, done.messages)
    return viewFor(deps, done.motion, user)
  }
  // not at `from` when the store looked: the step is already done, or the committee saw an older phase
  const now = await deps.store.motions.get(m.id)
  if (!now) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (input.from && now.status === to) return viewFor(deps, now, user)
  // the store holds a major motion without a clearing 稳评 in consultation (a filing may have changed meanwhile)
  if (from === 'consultation' && now.status === 'consultation') await assertNotHeldByRisk(ctx, now)
  throw new AppError('CONFLICT', input.from ? movedOn(now) : '议题刚被推进过，请刷新后重试')
}

async function assertNotHeldByRisk(ctx: UserCtx, m: MotionRecord): Promise<void> {
  if (m.riskGate !== 'pending') return
  const block = riskBlock(m.riskGate, await ctx.deps.store.motionRisks.get(m.id))
  if (block) throw new AppError('RISK_ASSESSMENT_REQUIRED', block)
}

function movedOn(m: MotionRecord): string {
  return `议题现在是「${MOTION_STATUS_LABELS[m.status]}」，与您看到的不同，请刷新后再操作`
}
