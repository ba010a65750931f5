/**
 * The public entry of residents: who sits on a community's committee and who lives in it, how a person is shown
 * (full or masked), and the committee's application lists — used by members and volunteers.
 */
export { assertCommitteeOf, committeeCommunity, isCommitteeOf, livesInCommunity, seesInFull } from './policy'
export { person, toMemberView } from './view'
export { ALREADY_DECIDED } from './reviewResidentApplication'
export { listCommunityApplications, type ApplicationList } from './applicationList'
export type {
  HouseholdRecord,
  HouseholdRepo,
  ResidentApplicationRepo,
  ResidentsStore,
  ReviewDecision,
  RosterRow,
  SeqCursor,
} from './ports'
