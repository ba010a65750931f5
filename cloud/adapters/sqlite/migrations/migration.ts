import type Database from 'better-sqlite3'

/** One step of the schema; MIGRATIONS (index.ts) lists them in order, migrate.ts applies the new ones. */
export interface Migration {
  version: number
  name: string
  /**
   * Table rebuilds (SQLite's 12-step ALTER): foreign keys are turned off for the connection before the
   * transaction (the pragma is a no-op inside one) and checked with foreign_key_check before COMMIT.
   */
  foreignKeysOff?: boolean
  up(db: Database.Database): void
}
