import type { Migration } from './migration'
import { m001Init } from './001_init'
import { m002Residents } from './002_residents'
import { m003AddressKeys } from './003_address_keys'
import { m004Reports } from './004_reports'
import { m005Votes } from './005_votes'
import { m006Reminders } from './006_reminders'
import { m007Patrols } from './007_patrols'
import { m008ShiftSettled } from './008_shift_settled'
import { m009HouseholdAdults } from './009_household_adults'
import { m010PhoneVerified } from './010_phone_verified'
import { m011GridServicePhone } from './011_grid_service_phone'
import { m012ApplicationSeq } from './012_application_seq'
import { m013Leases } from './013_leases'
import { m014Blobs } from './014_blobs'
import { m015City } from './015_city'
import { m016ReportTallies } from './016_report_tallies'
import { m017OpenAreaIndexes } from './017_open_area_indexes'
import { m018CheaperReportWrites } from './018_cheaper_report_writes'
import { m019ReportRechecks } from './019_report_rechecks'
import { m020PhotoChecks } from './020_photo_checks'
import { m021Visits } from './021_visits'
import { m022Departments } from './022_departments'
import { m023Contacts } from './023_contacts'
import { m024Meetings } from './024_meetings'
import { m025Warnings } from './025_warnings'
import { m026Callouts } from './026_callouts'
import { m027Points } from './027_points'
import { m028MotionRisks } from './028_motionRisks'
import { m029Audit } from './029_audit'
import { m030Overview } from './030_overview'
import { m032Writes } from './032_writes'

/** Ordered list of schema migrations. Append only: never edit one that has shipped. */

/** Ordered list of schema migrations. Append only: never edit one that has shipped. */

/** Ordered list of schema migrations. Append only: never edit one that has shipped. */

/** Ordered list of schema migrations. Append only: never edit one that has shipped. */
export const MIGRATIONS: Migration[] = [m001Init, m002Residents, m003AddressKeys, m004Reports, m005Votes, m006Reminders, m007Patrols, m008ShiftSettled, m009HouseholdAdults, m010PhoneVerified, m011GridServicePhone, m012ApplicationSeq, m013Leases, m014Blobs, m015City, m016ReportTallies, m017OpenAreaIndexes, m018CheaperReportWrites, m019ReportRechecks, m020PhotoChecks, m021Visits, m022Departments, m023Contacts, m024Meetings, m025Warnings, m026Callouts, m027Points, m028MotionRisks, m029Audit, m030Overview, m032Writes]
