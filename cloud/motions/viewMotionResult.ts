import { AppError } from '@/domain/shared/errors'
import { choiceOfKey, type motionIdSchema, type MotionResultView } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { visibleMotion } from './access'

/**
 * motion.result — once closed: every figure (base, ballots by channel, tally, quorum, passed) and every ballot
 * as (receipt hash, choice) sorted by hash, so anyone can count the list and match the totals. Before: CONFLICT.
 */
export async function viewMotionResult(input: z.output<typeof motionIdSchema>, ctx: UserCtx): Promise<MotionResultView> {
  const m = await visibleMotion(ctx, input.id)
  if (m.status !== 'closed' || !m.result) throw new AppError('CONFLICT', '表决结束后才公布结果')
  const ballots = await ctx.deps.store.motions.ballots(m.id)
  return { ...m.result, ballots: ballots.map((b) => ({ receiptHash: b.receiptHash, choice: choiceOfKey(m.kind, b.choice) })) }
}
