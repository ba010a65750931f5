import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrate, schemaVersion } from './migrate'

export type Db = Database.Database

/**
 * Opens (and creates) the SQLite file and applies pending migrations.
 *
 * - WAL: readers do not block the writer, and several processes can share the file.
 * - synchronous=FULL: in WAL mode every commit fsyncs the WAL, so an acknowledged write survives
 *   a power cut, not only a killed process (NORMAL may lose the last commits on power loss).
 * - busy_timeout: a second connection waits for the write lock instead of failing at once.
 * - foreign_keys=ON: SQLite leaves them off by default.
 * - secure_delete=ON: deleted cells and freed pages are overwritten with zeros, so what a delete removed
 *   cannot be read back from the file (the secret ballot relies on it when a motion closes: motions.ts).
 */
export function openDb(file: string): Db {
  return openMigrated(file).db
}

/** openDb, with the versions the open applied and the schema's version after (`npm run migrate`). */
export function openMigrated(file: string): { db: Db; applied: number[]; version: number } {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('secure_delete = ON')
    db.pragma('busy_timeout = 5000')
    // A statement that fires a trigger (the report tallies, migration 016) keeps a statement journal so it can be
    // undone alone; in a temp file that is an open, writes and an unlink per report created (0.1–0.2 ms of a 1 ms
    // create). In memory it costs nothing on disk; the sorts and groupings of its queries are of a page or a few units, never of a table.
    db.pragma('temp_store = MEMORY')
    const applied = migrate(db)
    return { db, applied, version: schemaVersion(db) }
  } catch (err) {
    db.close()
    throw err
  }
}
