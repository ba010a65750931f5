import type { Clock } from '../../shared/ports'
import { auditRepo } from './audit'
import { sqliteBlobs } from './blobs'
import { isSqliteUnavailable } from './unavailable'
import { communityRepo } from './communities'
import { fileRepo } from './files'
import { householdRepo } from './households'
import { leaseRepo } from './leases'
import { meetingRepo } from './meetings'
import { messageRepo } from './messages'
import { motionRepo } from './motions'
import { motionRiskRepo } from './motionRisks'
import { noticeRepo } from './notices'
import { openDb } from './open'
import { orgRepo } from './org'
import { reminderRepo } from './reminders'
import { reportRepo } from './reports'
import { residentApplicationRepo } from './residentApplications'
import { settingsRepo } from './settings'
import { shiftRepo } from './patrols'
import { userRepo } from './users'
import { volunteerApplicationRepo } from './volunteerApplications'
import { visitRepo } from './visits'
import { contactRepo } from './contacts'
import { departmentRepo } from './departments'
import { pointsRepo } from './points'
import { warningRepo } from './warnings'
import { overviewRepo } from './overview'
import { overviewMapRepo } from './overviewMap'
import { calloutRepo } from './callouts'
import { ledgerRepo } from './ledger'

/**
 * The embedded store: one better-sqlite3 connection, migrations applied at open, and each feature's repository
 * over it (one file per feature beside this one). The composition (cloud/compose/store.ts) takes it as the Store.
 */
export type SqliteStore = ReturnType<typeof openSqliteStore>

export function openSqliteStore(file: string) {
  const db = openDb(file)
  return {
    db,
    engine: 'sqlite' as const,
    databaseBlobs: (clock: Clock) => sqliteBlobs(db, clock),
    unavailable: isSqliteUnavailable,
    users: userRepo(db),
    communities: communityRepo(db),
    notices: noticeRepo(db),
    households: householdRepo(db),
    residentApplications: residentApplicationRepo(db),
    volunteerApplications: volunteerApplicationRepo(db),
    audit: auditRepo(db),
    settings: settingsRepo(db),
    reports: reportRepo(db),
    messages: messageRepo(db),
    files: fileRepo(db),
    motions: motionRepo(db),
    motionRisks: motionRiskRepo(db),
    shifts: shiftRepo(db),
    meetings: meetingRepo(db),
    reminders: reminderRepo(db),
    leases: leaseRepo(db),
    org: orgRepo(db),
    visits: visitRepo(db),
    contacts: contactRepo(db),
    departments: departmentRepo(db),
    points: pointsRepo(db),
    warnings: warningRepo(db),
    callouts: calloutRepo(db),
    ledger: ledgerRepo(db),
    overview: overviewRepo(db),
    overviewMap: overviewMapRepo(db),
    async ping() {
      db.prepare('SELECT 1').get()
    },
    close() {
      if (db.open) db.close()
    },
  }
}
