import { openPostgresStore } from '../adapters/postgres/store'
import { redactUrl } from '../adapters/postgres/pool'
import { openMigrated } from '../adapters/sqlite/open'
import { openSqliteStore } from '../adapters/sqlite/store'
import type { OrgRepo } from '../org'
import type { DbConfig } from './config'
import { seedDemoPostgres } from '../seed/seedPostgres'
import { seedDemo } from '../seed/seedSqlite'
import type { BlobStorage, FileRepo } from '../files'
import type { MessageRepo } from '../messages'
import type { MotionRepo, MotionRiskRepo } from '../motions'
import type { NoticeRepo } from '../notices'
import type { ShiftRepo } from '../patrols'
import type { MeetingRepo } from '../meetings'
import type { ReminderRepo } from '../reminders'
import type { ReportRepo } from '../reports'
import type { HouseholdRepo, ResidentApplicationRepo } from '../residents'
import type { AuditRepo, Clock, CommunityRepo, LeaseRepo, SettingsRepo, UserRepo } from '../shared/ports'
import type { VolunteerApplicationRepo } from '../volunteers'
import type { VisitRepo } from '../visits'
import type { ContactRepo } from '../contacts'
import type { DepartmentRepo } from '../departments'
import type { PointsRepo } from '../points'
import type { WarningRepo } from '../warnings'
import type { CalloutRepo } from '../callouts'
import type { LedgerRepo } from '../ledger'
import type { OverviewRepo } from '../overview'
import type { OverviewMapRepo } from '../overview'

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
  /** 稳评 of major motions and the street's sign-off (issue 18) */
  motionRisks: MotionRiskRepo
  /** patrol shifts, signups, attendance, logs (issue 6) */
  shifts: ShiftRepo
  /** 联席会议 and their follow-up tasks (issue 17) */
  meetings: MeetingRepo
  /** the reminders ledger (vote closing, patrol shifts) */
  reminders: ReminderRepo
  /** one process at a time runs each periodic job */
  leases: LeaseRepo
  /** the organisation above the grids, loaded from a sheet by an operator (npm run org) */
  org: OrgRepo
  /** household visits, follow-up marks, visit plans (issue 17) */
  visits: VisitRepo
  /** cadres, one contact per household, contact logs (issue 17) */
  contacts: ContactRepo
  /** functional departments and their staff (联动, issue 17) */
  departments: DepartmentRepo
  /** 积分制: rules, the append-only ledger, rewards, redemptions (issue 18) */
  points: PointsRepo
  /** 预测预警: warnings, their 会商研判, per-community rules (issue 18) */
  warnings: WarningRepo
  /** 社会动员 call-outs, their tasks and answers (issue 18) */
  callouts: CalloutRepo
  /** 台账导出's paged reads and its audit entries (issue 19) */
  ledger: LedgerRepo
  /** 总览's aggregates (issue 19) */
  overview: OverviewRepo
  /** 一张图's grids, points and shifts (issue 19) */
  overviewMap: OverviewMapRepo
  /** which engine this is */
  engine: 'sqlite' | 'postgres'
  /** photos' bytes in the store's own blobs table (GONGZHI_UPLOADS=database; PostgreSQL's default) */
  databaseBlobs(clock: Clock): BlobStorage
  /** Whether a thrown error means the database could not answer now (the request is answered UNAVAILABLE, retryable). */
  unavailable(err: unknown): boolean
  /** Throws when the store cannot answer (health check). */
  ping(): Promise<void>
  close(): void | Promise<void>
}

/** The store of GONGZHI_DB: the embedded SQLite file, or PostgreSQL (migrated at open, once across processes). */
export async function openStore(db: DbConfig): Promise<Store> {
  if (db.engine === 'sqlite') return openSqliteStore(db.file)
  return openPostgresStore(db.url, { poolSize: db.poolSize })
}

/**
 * The store of the self-hosted server: opened, with the demo 街道 written into it when it is empty (`seeded`);
 * on PostgreSQL under an advisory lock, so that processes starting at once on an empty database seed it once.
 */
export async function openDemoStore(db: DbConfig): Promise<{ store: Store; seeded: boolean }> {
  if (db.engine === 'sqlite') {
    const store = openSqliteStore(db.file)
    return { store, seeded: await seedDemo(store.db) }
  }
  const store = await openPostgresStore(db.url, { poolSize: db.poolSize })
  try {
    return { store, seeded: await seedDemoPostgres(store.pool) }
  } catch (err) {
    await store.close()
    throw err
  }
}

export interface Migrated {
  engine: DbConfig['engine']
  /** the database, as it may be shown (a PostgreSQL URL without its password) */
  where: string
  /** the versions this run applied, in order (empty: the schema was current) */
  applied: number[]
  /** the schema's version now */
  version: number
}

/**
 * Brings the configured database to the current schema (`npm run migrate`): either engine, each under its own
 * guard against concurrent starts (SQLite's IMMEDIATE transactions, PostgreSQL's advisory lock). Throws with one
 * line when the database cannot be reached or its schema is newer than this code.
 */
export async function migrateDatabase(db: DbConfig): Promise<Migrated> {
  if (db.engine === 'sqlite') {
    const { db: conn, applied, version } = openMigrated(db.file)
    conn.close()
    return { engine: 'sqlite', where: db.file, applied, version }
  }
  const store = await openPostgresStore(db.url, { poolSize: Math.min(db.poolSize, 2) })
  try {
    return { engine: 'postgres', where: redactUrl(db.url), applied: store.applied, version: await store.schemaVersion() }
  } finally {
    await store.close()
  }
}
