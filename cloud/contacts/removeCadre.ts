import type { cadreRemoveSchema } from '@/domain/contacts'
import type { z } from 'zod'
import { committeeOnly } from './access'
import type { UserCtx } from './ports'

/**
 * contact.removeCadre — the committee takes the attribute away: their households lose their contact (they show
 * as uncovered in the overview, to be reassigned); the logs stay. Removing someone who is no cadre: removed false.
 */
export async function removeCadre(input: z.output<typeof cadreRemoveSchema>, ctx: UserCtx): Promise<{ removed: boolean; households: number }> {
  const { deps, user } = ctx
  const community = await committeeOnly(ctx)
  const at = deps.clock.now().toISOString()
  return deps.store.contacts.removeCadre(input.userId, community.id, {
    at, actorId: user.id, action: 'contact.removeCadre', targetType: 'user', targetId: input.userId, communityId: community.id,
  })
}
