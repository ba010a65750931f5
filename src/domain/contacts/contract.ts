import { read, write } from '../shared/contract'
import { emptySchema } from '../shared/text'
import {
  cadreRemoveSchema,
  cadreSetSchema,
  contactAssignSchema,
  contactHistorySchema,
  contactLogSchema,
  contactOverviewSchema,
  contactRaiseSchema,
  type CadreView,
  type ContactAssignment,
  type ContactLogView,
  type ContactMine,
  type ContactOverview,
} from '.'

/** 党员干部联系户: cadres, their households, logged contacts, reports raised on a household's behalf. */
export const contactsContract = {
  'contact.setCadre': write(cadreSetSchema).returns<CadreView>(),
  'contact.removeCadre': write(cadreRemoveSchema).returns<{ removed: boolean; households: number }>(),
  'contact.assign': write(contactAssignSchema).returns<ContactAssignment>(),
  'contact.log': write(contactLogSchema).returns<ContactLogView>(),
  'contact.mine': read(emptySchema).returns<ContactMine>(),
  'contact.overview': read(contactOverviewSchema).returns<ContactOverview>(),
  'contact.history': read(contactHistorySchema).returns<{ items: ContactLogView[] }>(),
  'contact.raise': write(contactRaiseSchema).returns<{ reportId: string }>(),
}
