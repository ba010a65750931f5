import { contactsContract } from '@/domain/contacts/contract'
import type { Handlers } from '../shared/handlers'
import { assignContact } from './assignContact'
import { logContact } from './logContact'
import type { Deps } from './ports'
import { raiseOnBehalf } from './raiseOnBehalf'
import { removeCadre } from './removeCadre'
import { setCadre } from './setCadre'
import { viewContactHistory } from './viewContactHistory'
import { viewContactOverview } from './viewContactOverview'
import { viewMyContacts } from './viewMyContacts'

export const contactsHandlers: Handlers<typeof contactsContract, Deps> = {
  'contact.setCadre': setCadre,
  'contact.removeCadre': removeCadre,
  'contact.assign': assignContact,
  'contact.log': logContact,
  'contact.mine': viewMyContacts,
  'contact.overview': viewContactOverview,
  'contact.history': viewContactHistory,
  'contact.raise': raiseOnBehalf,
}
