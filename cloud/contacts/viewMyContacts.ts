import type { ContactMine } from '@/domain/contacts'
import { byLastContact } from '@/domain/contacts/rules'
import type { UserCtx } from './ports'
import { toCadreHouseholdView, toMyContactView } from './view'

/**
 * contact.mine — for a verified resident, who their household's contact is (only what the contact publishes); for
 * a cadre, their households, the least recently contacted first. Anyone else gets nulls.
 */
export async function viewMyContacts(_input: Record<string, never>, ctx: UserCtx): Promise<ContactMine> {
  const { deps, user } = ctx
  const own = user.verified && user.householdId ? await deps.store.contacts.contactOf(user.householdId) : null
  const cadre = await deps.store.contacts.cadre(user.id)
  const households = cadre ? (await deps.store.contacts.householdsOf(user.id)).map(toCadreHouseholdView).sort(byLastContact) : []
  return {
    contact: own ? toMyContactView(own) : null,
    cadre: cadre ? { title: cadre.title, households } : null,
  }
}
