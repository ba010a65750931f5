import type { Contract } from '@/domain/contract'
import type { Deps } from '../compose'
import { authHandlers } from '../auth/handlers'
import { communityHandlers } from '../community/handlers'
import { filesHandlers } from '../files/handlers'
import { meetingsHandlers } from '../meetings/handlers'
import { membersHandlers } from '../members/handlers'
import { messagesHandlers } from '../messages/handlers'
import { motionsHandlers } from '../motions/handlers'
import { noticesHandlers } from '../notices/handlers'
import { reportsHandlers } from '../reports/handlers'
import { residentsHandlers } from '../residents/handlers'
import type { Handlers } from '../shared/handlers'
import { patrolsHandlers } from '../patrols/handlers'
import { volunteersHandlers } from '../volunteers/handlers'
import { visitsHandlers } from '../visits/handlers'
import { contactsHandlers } from '../contacts/handlers'
import { departmentsHandlers } from '../departments/handlers'
import { pointsHandlers } from '../points/handlers'
import { warningsHandlers } from '../warnings/handlers'
import { calloutsHandlers } from '../callouts/handlers'
import { overviewHandlers } from '../overview/handlers'
import { auditHandlers } from '../audit/handlers'

/**
 * Every feature's handlers table, one per contract: an action without a use case does not compile, and neither does
 * a feature whose deps the whole Deps (cloud/compose) does not satisfy.
 */
export const HANDLERS: Handlers<Contract, Deps> = {
  ...authHandlers,
  ...communityHandlers,
  ...noticesHandlers,
  ...residentsHandlers,
  ...membersHandlers,
  ...volunteersHandlers,
  ...messagesHandlers,
  ...reportsHandlers,
  ...motionsHandlers,
  ...patrolsHandlers,
  ...filesHandlers,
  ...visitsHandlers,
  ...meetingsHandlers,
  ...contactsHandlers,
  ...departmentsHandlers,
  ...pointsHandlers,
  ...warningsHandlers,
  ...calloutsHandlers,
  ...overviewHandlers,
  ...auditHandlers,
}
