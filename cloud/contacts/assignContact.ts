import { MAX_HOUSEHOLDS_PER_CADRE, type ContactAssignment, type contactAssignSchema } from '@/domain/contacts'
import { AppError } from '@/domain/shared/errors'
import type { z } from 'zod'
import { committeeOnly, householdOfCommunity } from './access'
import type { UserCtx } from './ports'

/**
 * contact.assign — the committee makes a cadre of its community the contact of one of its households; a household
 * has one contact, so this replaces the one it had (reassign). The store decides in one transaction: the cap of
 * MAX_HOUSEHOLDS_PER_CADRE households per cadre is a conditional UPDATE there, not a count read here.
 */
export async function assignContact(input: z.output<typeof contactAssignSchema>, ctx: UserCtx): Promise<ContactAssignment> {
  const { deps, user } = ctx
  const community = await committeeOnly(ctx)
  const household = await householdOfCommunity(ctx, input.householdId, community.id)
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.contacts.assign(
    { householdId: household.id, cadreId: input.cadreId, communityId: community.id, assignedBy: user.id, at },
    { at, actorId: user.id, action: 'contact.assign', targetType: 'household', targetId: household.id, communityId: community.id, detail: { cadreId: input.cadreId } },
  )
  if (outcome.kind === 'notCadre') {
    throw new AppError('INVALID_INPUT', '所选的人不是本社区的联系户党员/干部', [{ path: 'cadreId', message: '请先把此人设为联系户党员/干部' }])
  }
  if (outcome.kind === 'full') throw new AppError('CONFLICT', `每人最多联系 ${MAX_HOUSEHOLDS_PER_CADRE} 户，请改派给其他人`)
  return { householdId: household.id, cadreId: input.cadreId, previousCadreId: outcome.kind === 'assigned' ? outcome.previousCadreId : null }
}
