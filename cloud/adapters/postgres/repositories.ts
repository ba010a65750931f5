import type { Pool } from 'pg'
import { auditRepo } from './audit'
import { communityRepo } from './communities'
import { fileRepo } from './files'
import { householdRepo } from './households'
import { leaseRepo } from './leases'
import { messageRepo } from './messages'
import { noticeRepo } from './notices'
import { reminderRepo } from './reminders'
import { residentApplicationRepo } from './residentApplications'
import { settingsRepo } from './settings'
import { userRepo } from './users'
import { volunteerApplicationRepo } from './volunteerApplications'

/**
 * The repositories PostgreSQL has so far (issue 13, step by step): the notices feature's storage and the shared
 * ones it stands on — users, communities, audit, settings; the residents feature's household roster and resident
 * applications; volunteer applications; the message centre, uploaded files' rows and the reminders ledger. The other features' repositories are not written yet,
 * so this is not the whole Store and the server still refuses a postgres:// GONGZHI_DB.
 */
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
    files: fileRepo(pool),
    reminders: reminderRepo(pool),
    leases: leaseRepo(pool),
  }
}
