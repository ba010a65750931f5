import { AppError } from '@/domain/shared/errors'
import type { motionRiskReviewsSchema, RiskReviewPage } from '@/domain/motions'
import { z } from 'zod'
import type { UserCtx } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'

const cursorSchema = z.strictObject({ seq: z.number().int().min(0) })

/** motion.riskReviews — the street's queue: 高 assessments of its communities' motions in consultation waiting for its sign-off. */
export async function listRiskReviews(input: z.output<typeof motionRiskReviewsSchema>, ctx: UserCtx): Promise<RiskReviewPage> {
  const { deps, user } = ctx
  if (!user.roles.includes('street') || !user.streetId) throw new AppError('FORBIDDEN', '只有街道工作人员可以审核高风险稳评')
  const limit = input.limit ?? 20
  const after = input.cursor ? decodeKey(cursorSchema, input.cursor).seq : null
  const found = await deps.store.motionRisks.awaiting(user.streetId, { limit: limit + 1, after })
  const page = found.slice(0, limit)
  return {
    items: page.map(({ seq: _seq, ...item }) => item),
    nextCursor: found.length > limit ? encodeKey({ seq: page[page.length - 1]!.seq }) : null,
  }
}
