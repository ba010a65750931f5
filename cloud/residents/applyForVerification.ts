import { AppError } from '@/domain/shared/errors'
import type { ResidentApplyInput, ResidentApplyResult, residentApplySchema } from '@/domain/residents'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { livesInCommunity } from './policy'
import { communityOf } from '../shared/community'

export const ALREADY_PENDING = '已有待审核的申请'
export const ALREADY_VERIFIED = '你已完成住户认证'

/**
 * resident.apply — a resident says which household they live in. When the roster has that room, they
 * claim to be its 户主 and the name matches, the roster's phone (if it has one) is the claimant's verified
 * phone, and no one holds that 户主 seat yet, they are verified at once; otherwise the application waits for
 * the committee. The store decides the seat atomically.
 * Idempotent per (resident, requestId): a retried apply gets the first reply, not CONFLICT.
 */
export async function applyForVerification(
  input: z.output<typeof residentApplySchema> & ResidentApplyInput,
  ctx: UserCtx,
): Promise<ResidentApplyResult> {
  const { deps, user } = ctx
  // a resident who has not chosen their community yet is told to (NO_COMMUNITY); staff are refused below
  if (user.roles.includes('resident')) communityOf(user)
  if (!livesInCommunity(user)) throw new AppError('FORBIDDEN', '只有本社区居民可以申请住户认证')
  const grid = await deps.store.communities.grid(input.gridId)
  if (!grid) throw new AppError('NOT_FOUND', '网格不存在')
  if (grid.communityId !== user.communityId) throw new AppError('FORBIDDEN', '只能申请本社区的住户认证')
  // "already verified" is the store's to say: a retry of the apply that verified them gets its first reply

  const outcome = await deps.store.residentApplications.apply(
    {
      id: deps.ids.newId(),
      userId: user.id,
      communityId: grid.communityId,
      gridId: grid.id,
      building: input.building,
      unit: input.unit ?? '',
      room: input.room,
      name: input.name,
      relation: input.relation,
      createdAt: deps.clock.now().toISOString(),
    },
    idempotencyKey(ctx, 'resident.apply', input),
  )
  if (outcome.kind === 'replayed') return outcome.result
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'alreadyVerified') throw new AppError('CONFLICT', ALREADY_VERIFIED)
  if (outcome.kind === 'alreadyPending') throw new AppError('CONFLICT', ALREADY_PENDING)
  return { status: outcome.kind, applicationId: outcome.application.id }
}
