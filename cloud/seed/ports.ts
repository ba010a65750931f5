import type { MotionRepo, MotionRiskRepo } from '../motions'
import type { ReportCreateOutcome, ReportRepo } from '../reports'

/** What the demo seed writes with, inside its one transaction. */
export interface SeedWriter {
  /** One statement with `?` placeholders (the engine numbers them where it must). */
  run(sql: string, params: unknown[]): Promise<void>
  /** report.create and report.change's own statements, in the seed's transaction. */
  reports: Pick<ReportRepo, 'change'> & {
    /** the statements' create: the outcome with the new report's record (the seed reads no view) */
    create(...args: Parameters<ReportRepo['create']>): Promise<ReportCreateOutcome>
  }
}

/** An engine the demo can be written into (cloud/seed/seedSqlite.ts, cloud/seed/seedPostgres.ts). */
export interface SeedEngine {
  /**
   * Runs `write` in one transaction when the database has no community yet, and resolves to true; resolves to
   * false without running it otherwise. Processes that start at once on an empty database seed it once.
   */
  intoEmpty(write: (w: SeedWriter) => Promise<void>): Promise<boolean>
  /** The motion store: the demo motions go through its own methods, after the transaction. */
  motions: MotionRepo
  /** 稳评 of the demo's major motion, through its own store too */
  motionRisks: MotionRiskRepo
  /** The households of a community, by id (the demo's voters). */
  householdsOf(communityId: string): Promise<string[]>
}
