import { AppError } from '@/domain/shared/errors'
import type { VolunteerApplicationView, VolunteerApplyInput } from '@/domain/volunteers'
import type { UserCtx } from './ports'
import { livesInCommunity } from '../residents'
import { toVolunteerApplicationView } from './view'
import { assertCleanText } from '../shared/contentGuard'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { communityOf } from '../shared/community'

/**
 * volunteer.apply — a verified resident asks to join the volunteer team. One pending application at a
 * time and none for a volunteer: the store checks and inserts in one transaction (partial UNIQUE backstop).
 * Idempotent per (resident, requestId): a retried apply gets the application the first call made.
 */
export async function applyAsVolunteer(input: VolunteerApplyInput, ctx: UserCtx): Promise<VolunteerApplicationView> {
  const { deps, user } = ctx
  // a resident who has not chosen their community yet is told to (NO_COMMUNITY); staff are refused below
  if (user.roles.includes('resident')) communityOf(user)
  if (!livesInCommunity(user)) throw new AppError('FORBIDDEN', '只有本社区居民可以申请成为志愿者')
  if (!user.verified) throw new AppError('FORBIDDEN', '请先完成住户认证')
  // "already a volunteer" is the store's to say: a retry of an apply approved meanwhile gets its first reply
  const skills = input.skills?.trim() || null
  const availability = input.availability?.trim() || null
  const texts = [skills, availability].filter((t): t is string => t !== null)
  if (texts.length > 0) await assertCleanText(deps, texts, user.id, 'profile')
  const outcome = await deps.store.volunteerApplications.apply({
    id: deps.ids.newId(),
    userId: user.id,
    communityId: user.communityId as string,
    skills,
    availability,
    createdAt: deps.clock.now().toISOString(),
  }, idempotencyKey(ctx, 'volunteer.apply', input))
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'alreadyVolunteer') throw new AppError('CONFLICT', '你已经是志愿者了')
  if (outcome.kind === 'alreadyPending') throw new AppError('CONFLICT', '已有待审核的申请')
  return toVolunteerApplicationView(outcome.application, user)
}
