import type { MediationKind, MediationOutcome, ReportCategory, ReportLevel, ReportStatus } from '@/domain/reports'
import type { ReportArea } from '../reports'
import type * as shared from '../shared/context'
import type { AuditEntry, AuditRepo, CommunityRepo, IdempotencyKey, UserRepo } from '../shared/ports'

/** 台账导出 storage (issue 19): paged reads for the workbook, the export's audit entry, and where files go. */

/** Reports of an area created in [from, to) (either end open when null), narrowed by the filters. */
export interface LedgerReportQuery {
  area: ReportArea
  /** a grid worker's grids, or a grid filter; null: every grid of the area */
  gridIds: string[] | null
  from: string | null
  to: string | null
  status: ReportStatus | null
  category: ReportCategory | null
}

/** One report as the 台账 lists it, with its dispute's mediation record (if any). */
export interface LedgerReportRecord {
  seq: number
  id: string
  communityId: string
  communityName: string
  gridId: string
  gridName: string
  reporterId: string
  reporterName: string
  reporterPhone: string | null
  anonymous: boolean
  category: ReportCategory
  description: string
  status: ReportStatus
  level: ReportLevel
  maxLevel: ReportLevel
  assigneeName: string | null
  acceptBy: string
  resolveBy: string
  acceptedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  createdAt: string
  rating: number | null
  mediationKind: MediationKind | null
  mediationOutcome: MediationOutcome | null
  agreement: string | null
  mediationSessions: number
}

/** A timeline step of a report (oldest first). */
export interface LedgerEventRecord {
  reportId: string
  at: string
  actorId: string | null
  actorName: string | null
  action: string
  note: string | null
}

/** A patrol shift that starts in the month, with its turnout and hours. */
export interface LedgerShiftRecord {
  seq: number
  id: string
  communityName: string
  title: string
  startAt: string
  endAt: string
  capacity: number
  cancelled: boolean
  /** signed up and confirmed (attended or not) */
  confirmed: number
  /** checked in */
  attended: number
  /** checked-out hours in tenths */
  hoursTenths: number
}

/** What an export made (the retry of the same request gets it again, its address signed anew). */
export interface ExportRecord {
  id: string
  fileName: string
  rows: number
  bytes: number
}

export type ExportKeyState = { kind: 'new' } | { kind: 'replayed'; export: ExportRecord } | { kind: 'keyReused' }

export interface LedgerRepo {
  /** The query's reports oldest first (by seq), after seq `after`: pages of at most `limit`. */
  reports(q: LedgerReportQuery, after: number | null, limit: number): Promise<LedgerReportRecord[]>
  /** The timelines of these reports: by report, oldest step first. */
  events(reportIds: string[]): Promise<LedgerEventRecord[]>
  /** Shifts of the area starting in [from, to), by seq after `after`: pages of at most `limit`. */
  shifts(area: ReportArea, from: string, to: string, after: number | null, limit: number): Promise<LedgerShiftRecord[]>
  /** The name of a street, district or city (a community's: CommunityRepo); null when none has that id. */
  areaName(area: Exclude<ReportArea, { communityId: string }>): Promise<string | null>
  /** A read of the retry key before the work (the workbook is not made again for a retried request). */
  keyState(key: IdempotencyKey): Promise<ExportKeyState>
  /**
   * One transaction: the retry key claimed with the export's result, and the audit entry. The key already taken (two
   * retries raced): replayed with the first export (or keyReused), nothing written.
   */
  recordExport(audit: AuditEntry, key: IdempotencyKey | null, made: ExportRecord): Promise<ExportKeyState>
}

/** A file being written: rows go to `stream`; `done` once it is complete on its storage (its size). */
export interface ExportSink {
  id: string
  stream: NodeJS.WritableStream
  /** Call after the writer finished: waits for the bytes to land and returns the size. */
  finish(): Promise<number>
  /** Removes a half-written file (the export failed). */
  abort(): Promise<void>
}

export interface ExportMeta {
  ownerId: string
  fileName: string
  createdAt: string
}

/**
 * Where exported files live (the self-hosted server: the data directory's `exports` folder). Behind a port so the
 * cloud function can keep them in cloud storage instead.
 */
export interface ExportFiles {
  create(id: string, meta: ExportMeta): Promise<ExportSink>
  /** The file and its metadata; null when there is none (never made, or swept). */
  open(id: string): Promise<{ meta: ExportMeta; path: string; bytes: number } | null>
  /** Removes the files created before `before`; how many. */
  sweep(before: string): Promise<number>
  /**
   * An address of the file that needs no session (cloud storage's temporary URL, short-lived), for a door without a
   * bearer token (the cloud function); null when the file is not there. Absent: the door serves the file itself at
   * its signed `/exports/:id` (ExportUrls).
   */
  link?(id: string): Promise<string | null>
}

/** Signed, short-lived addresses of an export, bound to its exporter. */
export interface ExportUrls {
  sign(id: string, ownerId: string): string
  verify(id: string, expires: unknown, signature: unknown, ownerId: string): boolean
}

export interface LedgerStore {
  ledger: LedgerRepo
  communities: CommunityRepo
  /** the 操作日志 export reads the log as audit.list does */
  audit: AuditRepo
  users: UserRepo
}

export interface LedgerServices {
  exportFiles: ExportFiles
  exportUrls: ExportUrls
}

export type Deps = shared.Deps<LedgerStore> & LedgerServices
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
