import type { Pool } from 'pg'
import { auditRepo } from './audit'
import { communityRepo } from './communities'
import { householdRepo } from './households'
import { noticeRepo } from './notices'
import { settingsRepo } from './settings'
import { userRepo } from './users'

/**
 * The repositories PostgreSQL has so far (issue 13, step by step): the notices feature's storage and the shared
 * ones it stands on — users, communities, audit, settings — and the residents feature's household roster. The other features' repositories are not written yet,
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
  }
}
