import { authContract } from './auth/contract'
import { communityContract } from './community/contract'
import { filesContract } from './files/contract'
import { meetingsContract } from './meetings/contract'
import { membersContract } from './members/contract'
import { messagesContract } from './messages/contract'
import { motionsContract } from './motions/contract'
import { noticesContract } from './notices/contract'
import { patrolsContract } from './patrols/contract'
import { reportsContract } from './reports/contract'
import { residentsContract } from './residents/contract'
import { composeContracts, type InputOf, type OutputOf, type ParsedInputOf } from './shared/contract'
import { volunteersContract } from './volunteers/contract'
import { visitsContract } from './visits/contract'
import { contactsContract } from './contacts/contract'
import { departmentsContract } from './departments/contract'
import { pointsContract } from './points/contract'
import { warningsContract } from './warnings/contract'
import { calloutsContract } from './callouts/contract'
import { overviewContract } from './overview/contract'
import { auditContract } from './audit/contract'

/**
 * THE list of the API's actions: each feature's contract, composed. The client's call types, the retry-on-read
 * rule, the dispatcher's table and the tests' lists all derive from it. A new feature adds its contract here.
 */
export const CONTRACT = composeContracts(
  authContract,
  communityContract,
  noticesContract,
  residentsContract,
  membersContract,
  volunteersContract,
  messagesContract,
  reportsContract,
  motionsContract,
  patrolsContract,
  filesContract,
  visitsContract,
  meetingsContract,
  contactsContract,
  departmentsContract,
  pointsContract,
  warningsContract,
  calloutsContract,
  overviewContract,
  auditContract,
)

export type Contract = typeof CONTRACT
export type ActionName = keyof Contract
export type ActionInput<A extends ActionName> = InputOf<Contract[A]>
export type ActionParsedInput<A extends ActionName> = ParsedInputOf<Contract[A]>
export type ActionOutput<A extends ActionName> = OutputOf<Contract[A]>

export const ACTION_NAMES = Object.keys(CONTRACT) as ActionName[]

/** Actions that only read: the client retries them once after a network failure. */
export const READ_ACTION_NAMES: readonly ActionName[] = ACTION_NAMES.filter((a) => CONTRACT[a].kind === 'read')
