import type { Pool } from 'pg'
import { auditRepo } from './audit'
import { communityRepo } from './communities'
import { fileRepo } from './files'
import { householdRepo } from './households'
import { leaseRepo } from './leases'
import { meetingRepo } from './meetings'
import { messageRepo } from './messages'
import { motionRepo } from './motions'
import { motionRiskRepo } from './motionRisks'
import { noticeRepo } from './notices'
import { orgRepo } from './org'
import { postgresShiftRepo } from './patrols'
import { reminderRepo } from './reminders'
import { reportRepo } from './reports'
import { residentApplicationRepo } from './residentApplications'
import { settingsRepo } from './settings'
import { userRepo } from './users'
import { volunteerApplicationRepo } from './volunteerApplications'
import { visitRepo } from './visits'
import { contactRepo } from './contacts'
import { departmentRepo } from './departments'
import { pointsRepo } from './points'
import { warningRepo } from './warnings'
import { calloutRepo } from './callouts'
import { ledgerRepo } from './ledger'
import { overviewRepo } from './overview'
import { overviewMapRepo } from './overviewMap'

/** Every feature's repository on PostgreSQL, over one pool (store.ts adds the engine's own members to make the Store). */
export function postgresRepositories(pool: Pool) {
  return {
    users: userRepo(pool),
    communities: communityRepo(pool),
    audit: auditRepo(pool),
    settings: settingsRepo(pool),
    notices: noticeRepo(pool),
    households: householdRepo(pool),
    residentApplications: residentApplicationRepo(pool),
    volunteerApplications: volunteerApplicationRepo(pool),
    messages: messageRepo(pool),
    motions: motionRepo(pool),
    motionRisks: motionRiskRepo(pool),
    files: fileRepo(pool),
    reminders: reminderRepo(pool),
    reports: reportRepo(pool),
    shifts: postgresShiftRepo(pool),
    leases: leaseRepo(pool),
    org: orgRepo(pool),
    visits: visitRepo(pool),
    meetings: meetingRepo(pool),
    contacts: contactRepo(pool),
    departments: departmentRepo(pool),
    points: pointsRepo(pool),
    warnings: warningRepo(pool),
    callouts: calloutRepo(pool),
    ledger: ledgerRepo(pool),
    overview: overviewRepo(pool),
    overviewMap: overviewMapRepo(pool),
  }
}
