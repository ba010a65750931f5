import type { motionIdSchema, MotionView } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { visibleMotion } from './access'
import { viewFor } from './view'

/** motion.get — the motion, its revisions and comments, turnout, my status; the figures only once closed. */
export async function viewMotion(input: z.output<typeof motionIdSchema>, ctx: UserCtx): Promise<MotionView> {
  const m = await visibleMotion(ctx, input.id)
  return viewFor(ctx.deps, m, ctx.user)
}
