import type { ContactLogView, contactHistorySchema } from '@/domain/contacts'
import { AppError } from '@/domain/shared/errors'
import type { z } from 'zod'
import { HOUSEHOLD_NOT_FOUND, readsNotes } from './access'
import type { UserCtx } from './ports'
import { toContactLogView } from './view'

export const HISTORY_LIMIT = 50

/**
 * contact.history — a household's logged contacts, newest first: staff only (its contact, the committee, the tiers
 * above). Everyone else — the household's own residents included — is told it does not exist.
 */
export async function viewContactHistory(input: z.output<typeof contactHistorySchema>, ctx: UserCtx): Promise<{ items: ContactLogView[] }> {
  const { deps, user } = ctx
  const household = await deps.store.households.get(input.householdId)
  const community = household ? await deps.store.communities.get(household.communityId) : null
  const assignment = household ? await deps.store.contacts.assignmentOf(household.id) : null
  if (!household || !community || !readsNotes(user, community, assignment?.cadreId ?? null)) {
    throw new AppError('NOT_FOUND', HOUSEHOLD_NOT_FOUND)
  }
  const logs = await deps.store.contacts.history(household.id, HISTORY_LIMIT)
  return { items: logs.map(toContactLogView) }
}
