import { openSqliteStore } from '../adapters/sqlite/store'
import { seedDemo } from '../seed/seedSqlite'
import type { FileRepo } from '../files'
import type { MessageRepo } from '../messages'
import type { MotionRepo } from '../motions'
import type { NoticeRepo } from '../notices'
import type { ShiftRepo } from '../patrols'
import type { ReminderRepo } from '../reminders'
import type { ReportRepo } from '../reports'
import type { HouseholdRepo, ResidentApplicationRepo } from '../residents'
import type { AuditRepo, CommunityRepo, SettingsRepo, UserRepo } from '../shared/ports'
import type { VolunteerApplicationRepo } from '../volunteers'

/**
 * The whole store: every feature's repositories in one object. Each feature's ports.ts names the ones its use
 * cases use (NoticesStore, …); this one has them all, so the Deps built from it satisfies every feature's. An
 * engine (cloud/adapters/<engine>/store.ts) composes its per-feature repositories into one of these.
 */
export interface Store {
  users: UserRepo
  communities: CommunityRepo
  notices: NoticeRepo
  households: HouseholdRepo
  residentApplications: ResidentApplicationRepo
  volunteerApplications: VolunteerApplicationRepo
  audit: AuditRepo
  settings: SettingsRepo
  reports: ReportRepo
  messages: MessageRepo
  /** uploaded photos (issue 4) */
  files: FileRepo
  /** motions, ballots, community rules (issue 5) */
  motions: MotionRepo
  /** patrol shifts, signups, attendance, logs (issue 6) */
  shifts: ShiftRepo
  /** the reminders ledger (vote closing, patrol shifts) */
  reminders: ReminderRepo
  /** Throws when the store cannot answer (health check). */
  ping(): Promise<void>
  close(): void
}

/** The store engine: the embedded SQLite file (GONGZHI_DB, default data/gongzhi.db). */
export function openStore(dbFile: string): Store {
  return openSqliteStore(dbFile)
}

/** The store of the self-hosted server: opened, with the demo 街道 written into it when it is empty (`seeded`). */
export async function openDemoStore(dbFile: string): Promise<{ store: Store; seeded: boolean }> {
  const store = openSqliteStore(dbFile)
  return { store, seeded: await seedDemo(store.db) }
}
