import { AppError } from '@/domain/shared/errors'
import type { ResidentRegisterInput } from '@/domain/residents'
import type { MemberView } from '@/domain/members'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { assertCommitteeOf } from './policy'
import { toMemberView } from './view'

export const DUPLICATE_NAME = '该户已登记过这个人'

/**
 * resident.register — a committee member registers a resident without a smartphone (an elderly 户主,
 * say) so that they count in the household and can later have ballots recorded for them. The person is
 * roster-only: no openid, never signs in; verified and bound to the household from the start.
 * Idempotent per (member, requestId): a retried register returns the person the first call made.
 * A household holds one person of a name: registering the same name again is a CONFLICT.
 */
export async function registerResident(input: ResidentRegisterInput & { phone?: string }, ctx: UserCtx): Promise<MemberView> {
  const { deps, user } = ctx
  const household = await deps.store.households.get(input.householdId)
  if (!household) throw new AppError('NOT_FOUND', '这户不存在')
  assertCommitteeOf(user, household.communityId, '只有本社区工作人员可以登记住户')
  const id = deps.ids.newId()
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.users.register(
    {
      id,
      name: input.name,
      phone: input.phone ?? null,
      openid: null,
      roles: ['resident'],
      communityId: household.communityId,
      gridId: household.gridId,
      householdId: household.id,
      verified: true,
      rosterOnly: true,
      workerGridIds: [],
      createdAt: at,
    },
    {
      at,
      actorId: user.id,
      action: 'resident.register',
      targetType: 'user',
      targetId: id,
      communityId: household.communityId,
      detail: { householdId: household.id },
    },
    idempotencyKey(ctx, 'resident.register', input),
  )
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'duplicateName') throw new AppError('CONFLICT', DUPLICATE_NAME)
  return toMemberView(outcome.user, user, household)
}
